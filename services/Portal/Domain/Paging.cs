namespace Platform.Portal.Domain;

/// <summary>One page of a listing; page numbers start at 1 and out-of-range requests are clamped.</summary>
public sealed record Paging(int Page, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
    public int Skip => (Page - 1) * PageSize;

    public static Paging Of(int? requested, int pageSize, int totalCount)
    {
        var pageCount = Math.Max(1, (totalCount + pageSize - 1) / pageSize);
        return new Paging(Math.Clamp(requested ?? 1, 1, pageCount), pageSize, totalCount);
    }
}
