namespace Platform.Documents.Exchange;

/// <summary>What the sender asks with a package (BussinessDocType of the TraceHeaderList).</summary>
public enum BusinessKind
{
    /// <summary>Văn bản mới.</summary>
    New = 0,
    /// <summary>Thu hồi.</summary>
    Recall = 1,
    /// <summary>Cập nhật.</summary>
    Update = 2,
    /// <summary>Thay thế.</summary>
    Replace = 3,
}
