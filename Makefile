# The platform's commands. `make run` and `make test` work on a fresh Debian machine:
# they install what is missing (as root, with apt-get) and start their own servers.
SHELL := /bin/bash
.ONESHELL:
.SHELLFLAGS := -eu -o pipefail -c

CONFIGURATION ?= Debug
RESULTS := $(CURDIR)/.artifacts/test-results
HELM_CHECK := $(abspath $(CURDIR)/../shared/tools/helm-check/helm-check)
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

.PHONY: run build test test-only bench security charts images clean deps

## Installs Redis, PostgreSQL, Chromium (for the browser tests) and sqlmap (for tests/Security.Tests)
## from Debian's packages when missing.
deps:
	tests/servers.sh install redis postgres chromium sqlmap

build:
	dotnet build Platform.sln -c $(CONFIGURATION) -nologo -clp:ErrorsOnly

## The whole platform on embedded defaults: Redis, Identity, five services, gateway.
run: build
	tests/servers.sh install redis
	PLATFORM_CONFIGURATION=$(CONFIGURATION) exec dotnet services/AppHost/bin/$(CONFIGURATION)/net10.0/AppHost.dll

## Every NUnit project, against Redis and PostgreSQL started on loopback for the run.
test: deps build charts
	# Servers that were already running (a developer's) are left running afterwards.
	if tests/servers.sh status; then owned=0; else owned=1; fi
	eval "$$(tests/servers.sh start)"
	if [ $$owned = 1 ]; then trap 'tests/servers.sh stop' EXIT; fi
	$(MAKE) --no-print-directory test-only

# One test assembly at a time: two cores, and the end-to-end run starts nine processes on free ports.
test-only:
	rm -rf "$(RESULTS)"
	status=0
	dotnet test Platform.sln -c $(CONFIGURATION) --no-build -nologo -m:1 \
	  --logger "trx" --logger "console;verbosity=normal" --results-directory "$(RESULTS)" || status=$$?
	tests/summary.sh "$(RESULTS)"
	exit $$status

## Benchmarks; writes .artifacts/bench/results.md. nginx and wrk: the gateway benchmark's peer and load generator.
bench: deps
	tests/servers.sh install nginx wrk
	# Servers that were already running (a developer's) are left running afterwards.
	if tests/servers.sh status; then owned=0; else owned=1; fi
	eval "$$(tests/servers.sh start)"
	if [ $$owned = 1 ]; then trap 'tests/servers.sh stop' EXIT; fi
	dotnet run -c Release --project tests/Benchmarks -- --output "$(CURDIR)/.artifacts/bench"
	# The fault tests at full size (make test runs them with 200 requests): 1,000 registrations,
	# directions and issues while each process is killed in turn, Redis restarts, PostgreSQL stops.
	# The benchmark build above built the services in Release, which this run starts.
	PLATFORM_FAULTS_LOAD=1000 dotnet test tests/Faults.Tests -c Release -nologo --logger "console;verbosity=normal"

## The whole hostile-input corpus (make test runs its core) and the rest of tests/Security.Tests.
security: deps
	if tests/servers.sh status; then owned=0; else owned=1; fi
	eval "$$(tests/servers.sh start)"
	if [ $$owned = 1 ]; then trap 'tests/servers.sh stop' EXIT; fi
	SECURITY_CORPUS=full dotnet test tests/Security.Tests -c $(CONFIGURATION) -nologo --logger "console;verbosity=normal"

## Renders the Helm chart and validates every manifest (../shared/tools/helm-check), with each
## values file and with the Gateway API route instead of the Ingress.
## charts/schemas: JSON schemas for the custom resources helm-check does not ship (Dapr
## Resiliency, Gateway API HTTPRoute).
CHART := charts/platform
charts: export HELM_CHECK_SCHEMAS := $(CURDIR)/charts/schemas
charts:
	"$(HELM_CHECK)" lint $(CHART)
	"$(HELM_CHECK)" lint $(CHART) -f $(CHART)/values-dev.yaml
	"$(HELM_CHECK)" lint $(CHART) --set exposure.mode=httpRoute

## OCI images of the deployable projects through the SDK's container support (no Dockerfile).
## REGISTRY empty: into the local Docker/Podman daemon; else pushed there. Needs the base
## image mcr.microsoft.com/dotnet/aspnet:10.0 to be reachable (it is not on the build machine).
REGISTRY ?=
IMAGE_TAG ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
IMAGE_PROJECTS := gateway/Gateway.csproj services/Documents/Documents.csproj services/Tasks/Tasks.csproj \
  services/Portal/Portal.csproj services/Gazette/Gazette.csproj services/Reporting/Reporting.csproj
images:
	for project in $(IMAGE_PROJECTS); do
	  dotnet publish "$$project" -c Release -nologo -t:PublishContainer \
	    -p:ContainerImageTag=$(IMAGE_TAG) $(if $(REGISTRY),-p:ContainerRegistry=$(REGISTRY))
	done

clean:
	dotnet clean Platform.sln -nologo -v q
	rm -rf .artifacts
