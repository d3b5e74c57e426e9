namespace Platform.Contracts.Events;

/// <summary>An incoming document (văn bản đến) was registered with its arrival number (số đến).</summary>
[Topic(Topics.DocumentRegistered)]
public sealed record DocumentRegistered(
    Guid DocumentId,
    int Year,
    int ArrivalNumber,
    string IssuingBody,
    string NumberAndCode,
    DateOnly DocumentDate,
    string DocumentType,
    string Subject,
    Urgency Urgency,
    Secrecy Secrecy,
    string RegisteredByUnit,
    DateTimeOffset RegisteredAt);

/// <summary>A leader recorded a direction (ý kiến chỉ đạo) on a document, with lead and supporting units.</summary>
[Topic(Topics.DocumentAssigned)]
public sealed record DocumentAssigned(
    Guid DocumentId,
    string NumberAndCode,
    string Subject,
    string Direction,
    string LeadUnit,
    IReadOnlyList<string> SupportingUnits,
    DateOnly? Deadline,
    string AssignedBy,
    Secrecy Secrecy,
    DateTimeOffset AssignedAt);

/// <summary>
/// An outgoing document (văn bản đi) was numbered, signed and issued (phát hành). A replacing
/// document names the one it replaces in <paramref name="ReplacesDocumentId"/>.
/// </summary>
[Topic(Topics.DocumentIssued)]
public sealed record DocumentIssued(
    Guid DocumentId,
    string NumberAndCode,
    string DocumentType,
    string Subject,
    string SignerName,
    string SignerPosition,
    DateOnly IssuedDate,
    Secrecy Secrecy,
    bool IsPublic,
    bool IsLegalNormative,
    IReadOnlyList<string> Recipients,
    DateTimeOffset IssuedAt,
    Guid? ReplacesDocumentId = null);

/// <summary>A document was recalled (thu hồi) by its sender.</summary>
[Topic(Topics.DocumentRecalled)]
public sealed record DocumentRecalled(
    Guid DocumentId,
    string NumberAndCode,
    string Reason,
    string RecalledBy,
    DateTimeOffset RecalledAt);
