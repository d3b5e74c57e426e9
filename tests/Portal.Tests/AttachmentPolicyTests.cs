using Platform.Portal.Domain;

namespace Platform.Portal.Tests;

public sealed class AttachmentPolicyTests
{
    private static readonly byte[] Pdf = "%PDF-1.7"u8.ToArray();
    private readonly AttachmentPolicy _policy = new() { MaxBytes = 1024 };

    [Test]
    public void A_small_pdf_is_accepted() => Assert.That(_policy.Check("don-phan-anh.pdf", 100, Pdf), Is.Null);

    [TestCase("../../etc/passwd.pdf")]
    [TestCase("..\\..\\web.config.pdf")]
    [TestCase("/etc/cron.d/x.pdf")]
    [TestCase("a..pdf")]
    [TestCase("tep\u0000.pdf")]
    public void A_name_with_a_path_is_refused(string name) =>
        Assert.That(_policy.Check(name, 100, Pdf), Is.EqualTo("Tên tệp đính kèm không hợp lệ."));

    [Test]
    public void A_file_over_the_limit_is_refused() =>
        Assert.That(_policy.Check("lon.pdf", 2048, Pdf), Does.StartWith("Tệp đính kèm vượt quá dung lượng"));

    [Test]
    public void An_unlisted_type_is_refused() =>
        Assert.That(_policy.Check("setup.exe", 100, "MZ"u8), Is.EqualTo("Chỉ nhận tệp PDF, PNG, JPG, DOCX."));

    [Test]
    public void A_renamed_executable_is_refused() =>
        Assert.That(_policy.Check("hoa-don.pdf", 100, "MZ\x90\0"u8), Is.EqualTo("Nội dung tệp không khớp với loại tệp."));
}
