using Platform.Contracts;
using Platform.Documents.Domain;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Errors;

namespace Platform.Documents.Tests;

public sealed class OutgoingFlowTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Specialist = new("chuyenvien", "KT", new HashSet<string> { Roles.Specialist });
    private static readonly Actor Leader = new("lanhdao", "VP", new HashSet<string> { Roles.Leader });
    private static readonly Actor Clerk = new("vanthu", "VP", new HashSet<string> { Roles.Clerk });
    private static readonly Actor Administrator = new("quantri", "VP", new HashSet<string> { Roles.Administrator });

    private static OutgoingDocument Draft(string type = "Quyết định", Secrecy secrecy = Secrecy.None) => new()
    {
        Id = Guid.NewGuid(),
        DocumentType = type,
        Subject = "Về việc ban hành kế hoạch cải cách hành chính năm 2027",
        Secrecy = secrecy,
        DraftingUnit = "KT",
        DraftedBy = "chuyenvien",
        Recipients = ["Các sở, ban, ngành", "UBND các huyện"],
    };

    private static OutgoingDocument Signed()
    {
        var document = Draft();
        document.Submit(Specialist);
        document.Review(Leader);
        document.Approve(Leader);
        document.Sign(Leader, "Nguyễn Văn B", "KT. CHỦ TỊCH - PHÓ CHỦ TỊCH", hasMainFile: true, Now);
        return document;
    }

    [Test]
    public void Each_role_takes_its_own_step_from_draft_to_filed()
    {
        var document = Signed();
        document.Issue(Clerk, "outgoing:administrative", 2026, 5, "05/QĐ-UBND", new DateOnly(2026, 11, 23), Now);
        document.File(Clerk, Now);
        Assert.Multiple(() =>
        {
            Assert.That(document.Status, Is.EqualTo(OutgoingStatus.Filed));
            Assert.That(document.ReviewedBy, Is.EqualTo("lanhdao"));
            Assert.That(document.SignerPosition, Is.EqualTo("KT. CHỦ TỊCH - PHÓ CHỦ TỊCH"));
            Assert.That(document.NumberAndCode, Is.EqualTo("05/QĐ-UBND"));
            Assert.That(document.FiledBy, Is.EqualTo("vanthu"));
        });
    }

    [Test]
    public void A_specialist_cannot_sign_and_a_clerk_cannot_approve()
    {
        var document = Draft();
        document.Submit(Specialist);
        document.Review(Leader);
        var clerk = Assert.Throws<DomainRuleException>(() => document.Approve(Clerk))!;
        Assert.That(clerk.StatusCode, Is.EqualTo(403));
        Assert.That(clerk.Message, Is.EqualTo("Chỉ lãnh đạo mới được duyệt văn bản đi."));
        document.Approve(Leader);
        var specialist = Assert.Throws<DomainRuleException>(() => document.Sign(Specialist, "x", "y", true, Now))!;
        Assert.That(specialist.Code, Is.EqualTo("wrong-role"));
        Assert.That(document.Status, Is.EqualTo(OutgoingStatus.Approved));
    }

    [Test]
    public void Steps_out_of_order_are_refused_with_the_current_status_named()
    {
        var document = Draft();
        var error = Assert.Throws<DomainRuleException>(() => document.Approve(Leader))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.StatusCode, Is.EqualTo(409));
            Assert.That(error.Code, Is.EqualTo("illegal-transition"));
            Assert.That(error.Message, Is.EqualTo("Không thể duyệt văn bản đang ở trạng thái \"Dự thảo\"."));
            Assert.That(document.Status, Is.EqualTo(OutgoingStatus.Draft));
        });
        Assert.Throws<DomainRuleException>(() => document.Issue(Clerk, "outgoing:administrative", 2026, 1, "01/QĐ-UBND", new DateOnly(2026, 11, 23), Now));
        Assert.That(document.Number, Is.Null);
    }

    [Test]
    public void Signing_needs_the_main_file()
    {
        var document = Draft();
        document.Submit(Specialist);
        document.Review(Leader);
        document.Approve(Leader);
        var error = Assert.Throws<DomainRuleException>(() => document.Sign(Leader, "B", "CHỦ TỊCH", hasMainFile: false, Now))!;
        Assert.That(error.Code, Is.EqualTo("no-main-file"));
    }

    [Test]
    public void A_draft_without_recipients_cannot_be_submitted()
    {
        var document = Draft();
        document.Recipients = [];
        Assert.That(Assert.Throws<DomainRuleException>(() => document.Submit(Specialist))!.Code, Is.EqualTo("no-recipients"));
    }

    [Test]
    public void A_leader_returns_a_draft_with_a_reason_and_it_can_be_edited_again()
    {
        var document = Draft();
        document.Submit(Specialist);
        Assert.Throws<DomainRuleException>(() => document.EnsureEditable(Specialist));
        Assert.Throws<DomainRuleException>(() => document.Return(Leader, " "));
        document.Return(Leader, "Sửa lại phần nơi nhận");
        Assert.That(document.Status, Is.EqualTo(OutgoingStatus.Draft));
        Assert.DoesNotThrow(() => document.EnsureEditable(Specialist));
        Assert.Throws<DomainRuleException>(() => document.EnsureEditable(Leader));
    }

    [Test]
    public void Administrators_may_do_the_clerks_work()
    {
        var document = Signed();
        document.Issue(Administrator, "outgoing:administrative", 2026, 1, "01/QĐ-UBND", new DateOnly(2026, 11, 23), Now);
        document.File(Administrator, Now);
        Assert.That(document.Status, Is.EqualTo(OutgoingStatus.Filed));
    }

    [Test]
    public void A_recalled_document_is_frozen()
    {
        var document = Signed();
        Assert.Throws<DomainRuleException>(() => document.Recall(Leader, "Sai nội dung", Now), "not issued yet");
        document.Issue(Clerk, "outgoing:administrative", 2026, 1, "01/QĐ-UBND", new DateOnly(2026, 11, 23), Now);
        Assert.Throws<DomainRuleException>(() => document.Recall(Specialist, "Sai nội dung", Now));
        document.Recall(Leader, "Sai nội dung", Now);
        var error = Assert.Throws<DomainRuleException>(() => document.File(Clerk, Now))!;
        Assert.That(error.Code, Is.EqualTo("recalled"));
        Assert.That(error.Message, Does.Contain("đã bị thu hồi"));
        Assert.That(document.Status, Is.EqualTo(OutgoingStatus.Recalled));
        Assert.That(OutgoingFlow.Available(document.Status, Clerk), Is.Empty);
    }

    [Test]
    public void Secret_documents_are_never_public_nor_for_the_gazette()
    {
        var secret = Draft(secrecy: Secrecy.Confidential);
        Assert.That(Assert.Throws<DomainRuleException>(() => secret.SetFlags(isPublic: true, isLegalNormative: false))!.Code, Is.EqualTo("secret-not-public"));
        Assert.Throws<DomainRuleException>(() => secret.SetFlags(isPublic: false, isLegalNormative: true));
        Assert.DoesNotThrow(() => Draft().SetFlags(isPublic: true, isLegalNormative: true));
    }

    [Test]
    public void Only_resolutions_and_decisions_can_be_legal_normative()
    {
        Assert.That(Assert.Throws<DomainRuleException>(() => Draft("Kế hoạch").SetFlags(false, isLegalNormative: true))!.Code, Is.EqualTo("not-normative-type"));
        Assert.DoesNotThrow(() => Draft("Nghị quyết").SetFlags(false, isLegalNormative: true));
    }
}
