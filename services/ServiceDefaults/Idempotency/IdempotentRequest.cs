namespace Platform.ServiceDefaults.Idempotency;

/// <summary>
/// A write request that came with an Idempotency-Key: saved in the same transaction as the
/// write it made, then completed with the answer, so a client retrying after a lost answer
/// gets the first answer back instead of a second write.
/// </summary>
public sealed class IdempotentRequest
{
    /// <summary>The caller and the key ("vanthu|3f2c..."): two users' keys never collide.</summary>
    public required string Key { get; set; }
    public required string Method { get; set; }
    public required string Path { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    /// <summary>Null while the write committed but its answer was not stored yet (a crash in between).</summary>
    public int? StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public byte[]? Body { get; set; }
}
