using System.Text.Json.Serialization;

namespace Platform.Gazette.Domain;

/// <summary>
/// One step in a register entry's life. A replaced original keeps its text and file here,
/// so what was received first can always be shown next to what was published.
/// </summary>
public sealed class EntryHistory
{
    public Guid Id { get; init; }
    public Guid EntryId { get; init; }
    public int Version { get; init; }
    public EntryAction Action { get; init; }
    public DateTime AtUtc { get; init; }
    public required string By { get; init; }
    public string? Note { get; init; }
    public string? Text { get; init; }
    public Guid? FileId { get; init; }

    public static EntryHistory Record(GazetteEntry entry, EntryAction action, string by, DateTime atUtc, string? note) => new()
    {
        Id = Guid.CreateVersion7(),
        EntryId = entry.Id,
        Version = entry.Version,
        Action = action,
        AtUtc = atUtc,
        By = by,
        Note = note,
        Text = action == EntryAction.Replaced ? entry.Text : null,
        FileId = action == EntryAction.Replaced ? entry.OriginalFileId : null,
    };
}

[JsonConverter(typeof(JsonStringEnumConverter<EntryAction>))]
public enum EntryAction
{
    Received = 0,
    Returned = 1,
    /// <summary>The version recorded here was replaced by a corrected original.</summary>
    Replaced = 2,
    Published = 3,
}
