using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Contracts;
using Platform.Portal.Staff.Clients;
using Platform.ServiceDefaults.Auth;

namespace Platform.Portal.Staff;

/// <summary>What every console page knows about the person: who, which unit, which clearance, which roles.</summary>
public abstract class StaffPageModel : PageModel
{
    /// <summary>A service's refusal or failure, shown at the top of the page.</summary>
    public string? Error { get; set; }

    /// <summary>The outcome of the last action (after a redirect), shown at the top of the page.</summary>
    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Notice { get; set; }

    public string DisplayName => User.FindFirst("name")?.Value ?? User.Username();
    public string? Unit => User.Unit();
    public Secrecy Clearance => User.Clearance();

    public bool Is(params string[] roles) => roles.Any(User.IsInRole);

    /// <summary>Copies a failed answer's message and field errors onto the page.</summary>
    protected bool Failed<T>(ApiResult<T> result, string? fieldPrefix = null)
    {
        if (result.Succeeded) return false;
        Error = result.Error;
        foreach (var (field, messages) in result.FieldErrors)
        {
            foreach (var message in messages) ModelState.AddModelError(fieldPrefix is null ? field : $"{fieldPrefix}.{field}", message);
        }
        return true;
    }
}
