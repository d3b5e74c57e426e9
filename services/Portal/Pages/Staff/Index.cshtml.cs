using Platform.Portal.Staff;

namespace Platform.Portal.Pages.Staff;

public sealed class IndexModel : StaffPageModel
{
    public void OnGet() { }
}
