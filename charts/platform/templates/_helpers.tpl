{{/* The release's prefix: the release name when it already says "platform", else <release>-platform. */}}
{{- define "platform.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "platform.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: platform
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/*
The workloads as a list of {name, svc} with each service's block merged over `defaults`,
sorted by name. Usage: {{ range (include "platform.workloads" . | fromYamlArray) }}.
*/}}
{{- define "platform.workloads" -}}
{{- $out := list -}}
{{- range $name := keys .Values.services | sortAlpha -}}
{{- $own := index $.Values.services $name -}}
{{- if $own.enabled -}}
{{- $svc := mergeOverwrite (deepCopy $.Values.defaults) (deepCopy $own) -}}
{{- $out = append $out (dict "name" $name "svc" $svc) -}}
{{- end -}}
{{- end -}}
{{- toYaml $out -}}
{{- end -}}

{{/* Name of a workload's objects. Context: dict root name. */}}
{{- define "platform.workloadName" -}}
{{- printf "%s-%s" (include "platform.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Selector labels of a workload. Context: dict root name. */}}
{{- define "platform.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/* All labels of a workload. Context: dict root name. */}}
{{- define "platform.workloadLabels" -}}
{{ include "platform.labels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/* The image of a workload. Context: dict root name svc. */}}
{{- define "platform.image" -}}
{{- $registry := .root.Values.image.registry -}}
{{- $tag := .svc.tag | default .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- if $registry -}}
{{- printf "%s/%s:%s" $registry .svc.repository $tag -}}
{{- else -}}
{{- printf "%s:%s" .svc.repository $tag -}}
{{- end -}}
{{- end -}}

{{/* The Dapr app id of a workload (also its Service:AppId and Redis consumer group). */}}
{{- define "platform.appId" -}}
{{- .svc.dapr.appId | default .name -}}
{{- end -}}

{{- define "platform.daprConfigName" -}}
{{- printf "%s-dapr" (include "platform.fullname" .) -}}
{{- end -}}

{{- define "platform.orleansClusterId" -}}
{{- .svc.orleans.clusterId | default (printf "%s-tasks" .root.Release.Name) -}}
{{- end -}}

{{/* The apps (Dapr app ids) with a sidecar, sorted. */}}
{{- define "platform.daprApps" -}}
{{- $apps := list -}}
{{- range (include "platform.workloads" . | fromYamlArray) -}}
{{- if .svc.dapr.enabled -}}
{{- $apps = append $apps (include "platform.appId" (dict "name" .name "svc" .svc)) -}}
{{- end -}}
{{- end -}}
{{- toYaml (sortAlpha $apps) -}}
{{- end -}}

{{/* Dead-letter topic of a topic: EventTopics.DeadLetterOf (topic + Topics.DeadLetterSuffix). */}}
{{- define "platform.deadLetterTopic" -}}
{{- printf "%s.deadletter" . -}}
{{- end -}}

{{/* One egress rule from a networkPolicy.egress entry ({to, ports}); nothing when `to` is empty. */}}
{{- define "platform.egressRule" -}}
{{- if .to -}}
- to:
    {{- toYaml .to | nindent 4 }}
  {{- with .ports }}
  ports:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}
{{- end -}}
