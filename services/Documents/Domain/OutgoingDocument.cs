using Platform.Contracts;
using Platform.ServiceDefaults.Errors;

namespace Platform.Documents.Domain;

/// <summary>
/// An outgoing document (văn bản đi): drafted with its recipients (nơi nhận), checked, approved,
/// signed, numbered at issue (số, ký hiệu), issued (phát hành) and filed (lưu); or recalled (thu hồi).
/// </summary>
public sealed class OutgoingDocument
{
    public Guid Id { get; init; }
    public required string DocumentType { get; init; }
    /// <summary>Trích yếu.</summary>
    public required string Subject { get; set; }
    public Urgency Urgency { get; set; }
    public Secrecy Secrecy { get; init; }
    /// <summary>Goes to the portal once issued.</summary>
    public bool IsPublic { get; private set; }
    /// <summary>A legal normative document (văn bản quy phạm pháp luật): own series, goes to the gazette.</summary>
    public bool IsLegalNormative { get; private set; }
    /// <summary>Đơn vị soạn thảo; it also keeps the filed copy (bản lưu).</summary>
    public required string DraftingUnit { get; init; }
    public required string DraftedBy { get; init; }
    public DateTime CreatedAtUtc { get; init; }
    public List<string> Recipients { get; set; } = [];
    /// <summary>Số lượng bản.</summary>
    public int CopyCount { get; set; } = 1;
    /// <summary>The document this one replaces (văn bản thay thế), after a content error.</summary>
    public Guid? ReplacesId { get; init; }

    public OutgoingStatus Status { get; private set; } = OutgoingStatus.Draft;
    public string? ReturnReason { get; private set; }
    public string? ReviewedBy { get; private set; }
    public string? ApprovedBy { get; private set; }
    public string? SignedBy { get; private set; }
    public string? SignerName { get; private set; }
    /// <summary>Chức vụ with the authority prefix (TM., KT., Q., TL., TUQ.), e.g. "KT. CHỦ TỊCH - PHÓ CHỦ TỊCH".</summary>
    public string? SignerPosition { get; private set; }
    public DateTime? SignedAtUtc { get; private set; }
    /// <summary>The number series the document was numbered in (see <see cref="NumberingPolicy"/>).</summary>
    public string? Series { get; private set; }
    public int? Year { get; private set; }
    public int? Number { get; private set; }
    public string? NumberAndCode { get; private set; }
    public DateOnly? IssuedDate { get; private set; }
    public DateTime? IssuedAtUtc { get; private set; }
    public string? IssuedBy { get; private set; }
    public DateTime? FiledAtUtc { get; private set; }
    public string? FiledBy { get; private set; }
    public DateTime? RecalledAtUtc { get; private set; }
    public string? RecalledBy { get; private set; }
    public string? RecallReason { get; private set; }

    public DocumentType Type => DocumentTypes.Get(DocumentType);

    /// <summary>Public and gazette flags are refused for secret documents, and only some types can be normative.</summary>
    public void SetFlags(bool isPublic, bool isLegalNormative)
    {
        if (Secrecy != Secrecy.None && (isPublic || isLegalNormative))
        {
            throw new DomainRuleException("Văn bản mật không được công khai trên cổng thông tin hay đăng công báo.", 422, "secret-not-public");
        }
        if (isLegalNormative && !Type.CanBeLegalNormative)
        {
            throw new DomainRuleException($"{DocumentType} không phải là hình thức văn bản quy phạm pháp luật.", 422, "not-normative-type");
        }
        IsPublic = isPublic;
        IsLegalNormative = isLegalNormative;
    }

    /// <summary>Content, recipients and files change only while the document is a draft.</summary>
    public void EnsureEditable(Actor actor)
    {
        if (Status != OutgoingStatus.Draft)
        {
            throw new DomainRuleException($"Chỉ sửa được dự thảo; văn bản đang ở trạng thái \"{Status.Label()}\".", 409, "not-draft");
        }
        if (!actor.HasRole(Platform.ServiceDefaults.Auth.Roles.Specialist))
        {
            throw new DomainRuleException("Chỉ chuyên viên soạn thảo mới được sửa dự thảo.", 403, "wrong-role");
        }
    }

    public OutgoingStatus Submit(Actor actor)
    {
        if (Recipients.Count == 0) throw new DomainRuleException("Dự thảo chưa có nơi nhận.", 422, "no-recipients");
        return Move(OutgoingAction.Submit, actor);
    }

    public OutgoingStatus Review(Actor actor)
    {
        var from = Move(OutgoingAction.Review, actor);
        ReviewedBy = actor.Username;
        return from;
    }

    public OutgoingStatus Return(Actor actor, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("Trả lại dự thảo phải nêu lý do.", 422, "reason-required");
        var from = Move(OutgoingAction.Return, actor);
        ReturnReason = reason;
        ReviewedBy = null;
        ApprovedBy = null;
        return from;
    }

    public OutgoingStatus Approve(Actor actor)
    {
        var from = Move(OutgoingAction.Approve, actor);
        ApprovedBy = actor.Username;
        return from;
    }

    /// <summary>Signing needs the document's file: the signature is computed over it.</summary>
    public OutgoingStatus Sign(Actor actor, string signerName, string signerPosition, bool hasMainFile, DateTime nowUtc)
    {
        if (!hasMainFile) throw new DomainRuleException("Chưa có tệp văn bản chính để ký số.", 422, "no-main-file");
        var from = Move(OutgoingAction.Sign, actor);
        SignedBy = actor.Username;
        SignerName = signerName;
        SignerPosition = signerPosition;
        SignedAtUtc = nowUtc;
        return from;
    }

    /// <summary>The number is taken only now (electronic documents are numbered by the system at issue).</summary>
    public OutgoingStatus Issue(Actor actor, string series, int year, int number, string numberAndCode, DateOnly issuedDate, DateTime nowUtc)
    {
        var from = Move(OutgoingAction.Issue, actor);
        Series = series;
        Year = year;
        Number = number;
        NumberAndCode = numberAndCode;
        IssuedDate = issuedDate;
        IssuedAtUtc = nowUtc;
        IssuedBy = actor.Username;
        return from;
    }

    /// <summary>Checked before a number is drawn, so a refused issue does not hold the series row lock for nothing.</summary>
    public void EnsureCanIssue(Actor actor) => OutgoingFlow.Next(Status, OutgoingAction.Issue, actor);

    public OutgoingStatus File(Actor actor, DateTime nowUtc)
    {
        var from = Move(OutgoingAction.File, actor);
        FiledAtUtc = nowUtc;
        FiledBy = actor.Username;
        return from;
    }

    public OutgoingStatus Recall(Actor actor, string reason, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("Thu hồi văn bản phải nêu lý do.", 422, "reason-required");
        var from = Move(OutgoingAction.Recall, actor);
        RecallReason = reason;
        RecalledBy = actor.Username;
        RecalledAtUtc = nowUtc;
        return from;
    }

    private OutgoingStatus Move(OutgoingAction action, Actor actor)
    {
        var from = Status;
        Status = OutgoingFlow.Next(Status, action, actor);
        return from;
    }
}
