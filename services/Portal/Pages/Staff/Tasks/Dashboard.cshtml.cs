using Platform.Portal.Staff;
using Platform.Portal.Staff.Clients;
using Platform.Portal.Staff.Display;

namespace Platform.Portal.Pages.Staff.Tasks;

/// <summary>The task dashboard: the four report categories per lead unit, as a chart and as a table.</summary>
public sealed class DashboardModel(TasksClient tasks) : StaffPageModel
{
    public Dashboard? Dashboard { get; private set; }
    public IReadOnlyList<DashboardRow> Rows { get; private set; } = [];
    public TaskChart? Chart { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await tasks.DashboardAsync(null, cancellationToken);
        if (Failed(result)) return;
        Dashboard = result.Value!;
        Rows = Dashboard.Province is { } province ? [.. Dashboard.Units, province] : Dashboard.Units;
        Chart = new TaskChart(Rows);
    }
}
