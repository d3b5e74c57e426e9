using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Security.Tests.Endpoints;

/// <summary>Where a handler's argument comes from.</summary>
public enum InputSource
{
    Route,
    Query,
    Header,
    JsonBody,
    Form,
    FormFile,
}

public sealed record EndpointInput(string Name, Type Type, InputSource Source, string? Constraint = null)
{
    public Type ValueType => Nullable.GetUnderlyingType(Type) ?? Type;
}

/// <summary>
/// One HTTP endpoint of a running service, read from its EndpointDataSource: the route pattern,
/// the method, what the handler binds and what authorization it carries. Nothing here is
/// hand-listed, so an endpoint added tomorrow is covered tomorrow.
/// </summary>
public sealed record ApiEndpoint(string Service, string Method, RoutePattern Pattern, IReadOnlyList<EndpointInput> Inputs, Endpoint Endpoint)
{
    public string Route => "/" + string.Join('/', Pattern.PathSegments.Select(Segment)).TrimEnd('/');

    public bool AllowsAnonymous => Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    /// <summary>The endpoint proves its caller itself, so no realm token admits anyone (the exchange inbox).</summary>
    public bool AuthenticatesItself => Endpoint.Metadata.GetMetadata<Platform.ServiceDefaults.Auth.CallerAuthenticatedByEndpoint>() is not null;

    /// <summary>
    /// A page of the staff console: it takes only the console's own session (a cookie set after the
    /// realm's login page), never a header or bearer token; the access tests sign in for real to ask it.
    /// </summary>
    public bool IsStaffConsolePage => Service == "portal" && Route.StartsWith("/staff", StringComparison.Ordinal)
        && !Route.StartsWith("/staff/api", StringComparison.Ordinal);

    public bool HasBody => Inputs.Any(i => i.Source is InputSource.JsonBody or InputSource.Form or InputSource.FormFile);

    public EndpointInput? JsonBody => Inputs.FirstOrDefault(i => i.Source == InputSource.JsonBody);

    public IEnumerable<EndpointInput> Of(InputSource source) => Inputs.Where(i => i.Source == source);

    /// <summary>The path with each route parameter replaced by what <paramref name="value"/> gives for it.</summary>
    public string PathWith(Func<EndpointInput, string> value) =>
        "/" + string.Join('/', Pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => value(Inputs.First(i => i.Source == InputSource.Route && i.Name == parameter.Name)),
            _ => "",
        }))));

    public override string ToString() => $"{Service} {Method} {Route}";

    private static string Segment(RoutePatternPathSegment segment) => string.Concat(segment.Parts.Select(part => part switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternSeparatorPart separator => separator.Content,
        RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
        _ => "",
    }));
}

public static class EndpointCatalog
{
    /// <summary>Every routed, method-bound endpoint the service maps, except the plumbing every service shares.</summary>
    public static IReadOnlyList<ApiEndpoint> Of(string service, IServiceProvider services)
    {
        var isService = services.GetRequiredService<IServiceProviderIsService>();
        var endpoints = new List<ApiEndpoint>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                foreach (var (method, pageInputs) in PageInputs(endpoint, page, services, isService))
                    endpoints.Add(new ApiEndpoint(service, method, endpoint.RoutePattern, pageInputs, endpoint));
                continue;
            }
            // A proxied route (the gateway's YARP routes) may match every method: GET and POST stand for them.
            if ((methods is null || methods.Count == 0) && endpoint.Metadata.GetMetadata<Yarp.ReverseProxy.Model.RouteModel>() is not null) methods = ["GET", "POST"];
            if (methods is null || methods.Count == 0) continue;
            var inputs = Inputs(endpoint, isService);
            foreach (var method in methods)
            {
                endpoints.Add(new ApiEndpoint(service, method, endpoint.RoutePattern, inputs, endpoint));
            }
        }
        return endpoints.DistinctBy(e => e.ToString()).OrderBy(e => e.ToString(), StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// A Razor page answers every method its handlers name: its inputs are the handler's arguments
    /// and, for a post (or a property that supports GET), its bound properties, field by field.
    /// </summary>
    private static IEnumerable<(string Method, List<EndpointInput> Inputs)> PageInputs(
        RouteEndpoint endpoint, PageActionDescriptor page, IServiceProvider services, IServiceProviderIsService isService)
    {
        var compiled = services.GetRequiredService<PageLoader>().LoadAsync(page, endpoint.Metadata).GetAwaiter().GetResult();
        foreach (var handler in compiled.HandlerMethods.Where(h => h.Name is null))
        {
            var method = handler.HttpMethod.ToUpperInvariant();
            var inputs = endpoint.RoutePattern.Parameters
                .Select(p => new EndpointInput(p.Name, typeof(string), InputSource.Route, p.ParameterPolicies.Select(x => x.Content).FirstOrDefault(c => c is not null)))
                .ToList();
            foreach (var parameter in handler.Parameters.Where(p => !IsPlumbing(p.ParameterType) && !isService.IsService(p.ParameterType)))
            {
                var route = inputs.FindIndex(i => i.Source == InputSource.Route && string.Equals(i.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
                if (route >= 0) inputs[route] = inputs[route] with { Type = parameter.ParameterType };
                else inputs.Add(new EndpointInput(parameter.Name, parameter.ParameterType, InputSource.Query));
            }
            foreach (var property in compiled.BoundProperties.Where(_ => method == "POST"))
            {
                foreach (var field in property.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    var source = typeof(IFormFile).IsAssignableFrom(field.PropertyType) ? InputSource.FormFile : InputSource.Form;
                    inputs.Add(new EndpointInput($"{property.Name}.{field.Name}", field.PropertyType, source));
                }
            }
            yield return (method, inputs);
        }
    }

    private static List<EndpointInput> Inputs(RouteEndpoint endpoint, IServiceProviderIsService isService)
    {
        var inputs = new List<EndpointInput>();
        foreach (var parameter in endpoint.RoutePattern.Parameters)
        {
            var constraint = parameter.ParameterPolicies.Select(p => p.Content).FirstOrDefault(c => c is not null);
            inputs.Add(new EndpointInput(parameter.Name, typeof(string), InputSource.Route, constraint));
        }
        var handler = endpoint.Metadata.GetMetadata<MethodInfo>();
        if (handler is null) return inputs;
        var acceptsForm = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Any(c => c.Contains("form", StringComparison.Ordinal)) == true;
        foreach (var parameter in handler.GetParameters())
        {
            AddInput(inputs, parameter.Name!, parameter.ParameterType, parameter, endpoint, isService, acceptsForm);
        }
        return inputs;
    }

    private static void AddInput(List<EndpointInput> inputs, string name, Type type, ICustomAttributeProvider attributes,
        RouteEndpoint endpoint, IServiceProviderIsService isService, bool acceptsForm)
    {
        bool Has<T>() => attributes.GetCustomAttributes(typeof(T), true).Length > 0;
        if (Has<FromServicesAttribute>() || Has<FromKeyedServicesAttribute>() || IsPlumbing(type) || isService.IsService(type)) return;
        if (Has<AsParametersAttribute>())
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || type.GetConstructors().Length > 0))
            {
                AddInput(inputs, property.Name, property.PropertyType, property, endpoint, isService, acceptsForm);
            }
            return;
        }
        var route = inputs.FirstOrDefault(i => i.Source == InputSource.Route && string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase));
        if (route is not null)
        {
            inputs[inputs.IndexOf(route)] = route with { Type = type };
            return;
        }
        var fromQuery = attributes.GetCustomAttributes(typeof(FromQueryAttribute), true).OfType<FromQueryAttribute>().FirstOrDefault();
        var fromHeader = attributes.GetCustomAttributes(typeof(FromHeaderAttribute), true).OfType<FromHeaderAttribute>().FirstOrDefault();
        var fromForm = attributes.GetCustomAttributes(typeof(FromFormAttribute), true).OfType<FromFormAttribute>().FirstOrDefault();
        if (fromHeader is not null) inputs.Add(new EndpointInput(fromHeader.Name ?? name, type, InputSource.Header));
        else if (fromQuery is not null) inputs.Add(new EndpointInput(fromQuery.Name ?? name, type, InputSource.Query));
        else if (typeof(IFormFile).IsAssignableFrom(type) || typeof(IFormFileCollection).IsAssignableFrom(type)) inputs.Add(new EndpointInput(name, type, InputSource.FormFile));
        else if (typeof(IFormCollection).IsAssignableFrom(type)) inputs.Add(new EndpointInput(name, type, InputSource.Form));
        else if (fromForm is not null)
        {
            if (IsSimple(type)) inputs.Add(new EndpointInput(fromForm.Name ?? name, type, InputSource.Form));
            else
            {
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    var source = typeof(IFormFile).IsAssignableFrom(property.PropertyType) ? InputSource.FormFile : InputSource.Form;
                    inputs.Add(new EndpointInput(property.Name, property.PropertyType, source));
                }
            }
        }
        else if (IsSimple(type)) inputs.Add(new EndpointInput(name, type, InputSource.Query));
        else if (Has<FromBodyAttribute>() || !acceptsForm) inputs.Add(new EndpointInput(name, type, InputSource.JsonBody));
    }

    private static bool IsPlumbing(Type type) =>
        type == typeof(HttpContext) || type == typeof(HttpRequest) || type == typeof(HttpResponse) || type == typeof(CancellationToken)
        || type == typeof(System.Security.Claims.ClaimsPrincipal) || type == typeof(Stream) || type == typeof(System.IO.Pipelines.PipeReader);

    public static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsArray) return IsSimple(t.GetElementType()!);
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid)
            || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(DateOnly) || t == typeof(TimeOnly)
            || t == typeof(TimeSpan) || t == typeof(Uri)
            || t.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), t.MakeByRefType()]) is not null
            || t.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), t.MakeByRefType()]) is not null;
    }
}
