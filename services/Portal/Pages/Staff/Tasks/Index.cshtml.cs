using Microsoft.AspNetCore.Mvc;
using Platform.Contracts;
using Platform.Portal.Staff;
using Platform.Portal.Staff.Clients;

namespace Platform.Portal.Pages.Staff.Tasks;

/// <summary>The tasks the person's unit leads or supports (all units for the office and leaders, as the Tasks service decides).</summary>
public sealed class IndexModel(TasksClient tasks) : StaffPageModel
{
    public IReadOnlyList<TaskItem> Tasks { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public TaskState? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Timeliness { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await tasks.ListAsync(null, State, Timeliness, cancellationToken);
        if (!Failed(result)) Tasks = result.Value ?? [];
    }
}
