using System.Text;
using Platform.Documents.Exchange;
using Platform.ServiceDefaults.Errors;

namespace Platform.Documents.Tests.Exchange;

public sealed class ExchangeCallerSignatureTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("<edXML/>");

    private static AgencyDirectory Directory() => new(new ExchangeOptions
    {
        SelfCode = "000.00.03.H56",
        Agencies =
        [
            new() { Code = "000.00.03.H56", Name = "Sở Tài chính" },
            new() { Code = "000.00.01.H56", Name = "Văn phòng UBND tỉnh", Key = "khoa-chung" },
            new() { Code = "000.00.02.H56", Name = "Sở Nội vụ" },
        ],
    });

    private static Agency Verify(IReadOnlyDictionary<string, string> headers, byte[] body, DateTimeOffset at) => ExchangeCallerSignature.Verify(
        headers.GetValueOrDefault(ExchangeCallerSignature.AgencyHeader), headers.GetValueOrDefault(ExchangeCallerSignature.TimestampHeader),
        headers.GetValueOrDefault(ExchangeCallerSignature.SignatureHeader), body, Directory(), at, Skew);

    [Test]
    public void A_call_signed_with_the_shared_key_names_its_agency()
    {
        var headers = ExchangeCallerSignature.Headers("000.00.01.H56", "khoa-chung", Body, Now);
        Assert.That(Verify(headers, Body, Now.AddMinutes(1)).Name, Is.EqualTo("Văn phòng UBND tỉnh"));
    }

    [Test]
    public void Another_body_another_key_or_an_old_timestamp_is_refused_with_401()
    {
        var headers = ExchangeCallerSignature.Headers("000.00.01.H56", "khoa-chung", Body, Now);
        var forged = ExchangeCallerSignature.Headers("000.00.01.H56", "khoa-khac", Body, Now);
        var cases = new (IReadOnlyDictionary<string, string> Headers, byte[] Body, DateTimeOffset At, string Says)[]
        {
            (headers, Encoding.UTF8.GetBytes("<edXML>khác</edXML>"), Now, "không đúng"),
            (forged, Body, Now, "không đúng"),
            (headers, Body, Now.AddMinutes(10), "lệch quá xa"),
            (new Dictionary<string, string>(), Body, Now, "Thiếu thông tin xác thực"),
        };
        Assert.Multiple(() =>
        {
            foreach (var (h, body, at, says) in cases)
            {
                var error = Assert.Throws<DomainRuleException>(() => Verify(h, body, at));
                Assert.That(error!.StatusCode, Is.EqualTo(401));
                Assert.That(error.Message, Does.Contain(says));
            }
        });
    }

    [Test]
    public void An_agency_without_a_key_cannot_call_even_with_a_guessed_one()
    {
        var headers = ExchangeCallerSignature.Headers("000.00.02.H56", "", Body, Now);
        var error = Assert.Throws<DomainRuleException>(() => Verify(headers, Body, Now));
        Assert.That(error!.Message, Does.Contain("chưa được cấp khóa kết nối"));
    }
}
