using System.Security.Claims;
using Platform.ServiceDefaults.Auth;

namespace Platform.Portal.Apis;

/// <summary>What the staff console asks of the portal about the signed-in person.</summary>
public static class StaffApi
{
    public sealed record StaffProfile(string Username, string? Unit, string Clearance, string[] Roles);

    public static RouteGroupBuilder MapStaffApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/staff/api").RequireAuthorization(Policies.StaffAccess).WithTags("Staff console");
        group.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new StaffProfile(
            user.Username(), user.Unit(), user.Clearance().ToString(),
            user.FindAll(ClaimTypes.Role).Concat(user.FindAll("role")).Select(c => c.Value).Distinct().ToArray())));
        return group;
    }
}
