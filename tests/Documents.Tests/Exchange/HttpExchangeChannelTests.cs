using System.Net;
using System.Text;
using System.Xml.Linq;
using Platform.Documents.Exchange;

namespace Platform.Documents.Tests.Exchange;

public sealed class HttpExchangeChannelTests
{
    private static readonly Agency Finance = new("000.00.03.H56", "Sở Tài chính", "UBND tỉnh", new Uri("http://stc.test/api/documents/exchange/packages"));

    private sealed class Receiver(Func<HttpRequestMessage, string, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<(HttpRequestMessage Request, string Body)> Received { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            Received.Add((request, body));
            return answer(request, body);
        }
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, status == HttpStatusCode.OK ? "application/json" : "application/problem+json") };

    private static XDocument Package() => EdXmlWriter.Write(ExchangeSamples.Package());

    [Test]
    public async Task A_package_is_posted_as_edxml_and_the_receivers_01_is_the_result()
    {
        var receiver = new Receiver((_, _) => Json(HttpStatusCode.OK, """{"status":"01"}"""));
        var result = await new HttpExchangeChannel(new HttpClient(receiver)).SendAsync(Finance, Package(), CancellationToken.None);
        Assert.That(result, Is.EqualTo(new DeliveryResult.Delivered(FeedbackStatus.Arrived)));
        var (request, body) = receiver.Received.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(request.RequestUri, Is.EqualTo(Finance.Endpoint));
            Assert.That(request.Content!.Headers.ContentType!.MediaType, Is.EqualTo("application/xml"));
            Assert.That(EdXmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(body))).Header.To.OrganId, Is.EqualTo("000.00.05.H56"));
        });
    }

    [Test]
    public async Task A_refusal_with_problem_details_is_final_and_keeps_the_vietnamese_reason()
    {
        var receiver = new Receiver((_, _) => Json(HttpStatusCode.BadRequest,
            """{"title":"Không thực hiện được yêu cầu","detail":"Gói tin edXML không hợp lệ: tệp không khớp mã băm","status":400}"""));
        var result = await new HttpExchangeChannel(new HttpClient(receiver)).SendAsync(Finance, Package(), CancellationToken.None);
        Assert.That(result, Is.EqualTo(new DeliveryResult.Rejected("Gói tin edXML không hợp lệ: tệp không khớp mã băm")));
    }

    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.TooManyRequests)]
    [TestCase(HttpStatusCode.NotFound)]
    public async Task A_failing_or_busy_receiver_is_worth_a_retry(HttpStatusCode status)
    {
        var receiver = new Receiver((_, _) => new HttpResponseMessage(status));
        var result = await new HttpExchangeChannel(new HttpClient(receiver)).SendAsync(Finance, Package(), CancellationToken.None);
        Assert.That(result, Is.InstanceOf<DeliveryResult.Unreachable>());
    }

    [Test]
    public async Task A_receiver_that_is_down_is_unreachable_not_an_exception()
    {
        var receiver = new Receiver((_, _) => throw new HttpRequestException("Connection refused"));
        var result = await new HttpExchangeChannel(new HttpClient(receiver)).SendAsync(Finance, Package(), CancellationToken.None);
        Assert.That(result, Is.EqualTo(new DeliveryResult.Unreachable("Connection refused")));
    }

    [Test]
    public async Task A_success_without_a_status_code_is_not_taken_as_delivered()
    {
        var receiver = new Receiver((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html>proxy</html>") });
        var result = await new HttpExchangeChannel(new HttpClient(receiver)).SendAsync(Finance, Package(), CancellationToken.None);
        Assert.That(result, Is.InstanceOf<DeliveryResult.Unreachable>());
    }

    [Test]
    public async Task Each_call_is_signed_for_the_recipient_with_the_key_they_share()
    {
        var receiver = new Receiver((_, _) => Json(HttpStatusCode.OK, """{"status":"01"}"""));
        var now = new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);
        var channel = new HttpExchangeChannel(new HttpClient(receiver), "000.00.01.H56", new FixedClock(now));
        await channel.SendAsync(Finance with { Key = "khoa-chung" }, Package(), CancellationToken.None);
        var (request, body) = receiver.Received.Single();
        string Header(string name) => request.Content!.Headers.GetValues(name).Single();
        var directory = new AgencyDirectory(new ExchangeOptions
        {
            SelfCode = "000.00.03.H56",
            Agencies = [new() { Code = "000.00.03.H56", Name = "Sở Tài chính" }, new() { Code = "000.00.01.H56", Name = "Văn phòng", Key = "khoa-chung" }],
        });
        var caller = ExchangeCallerSignature.Verify(Header(ExchangeCallerSignature.AgencyHeader), Header(ExchangeCallerSignature.TimestampHeader),
            Header(ExchangeCallerSignature.SignatureHeader), Encoding.UTF8.GetBytes(body), directory, now, TimeSpan.FromMinutes(5));
        Assert.That(caller.Code, Is.EqualTo("000.00.01.H56"));
        Assert.That(channel.Reaches(Finance), Is.True);
        Assert.That(channel.Reaches(Finance with { Endpoint = null }), Is.False);
    }

    [Test]
    public async Task An_agency_reached_only_through_an_axis_is_not_posted_to()
    {
        var receiver = new Receiver((_, _) => throw new AssertionException("must not post"));
        var result = await new HttpExchangeChannel(new HttpClient(receiver)).SendAsync(Finance with { Endpoint = null }, Package(), CancellationToken.None);
        Assert.That(result, Is.InstanceOf<DeliveryResult.Rejected>());
    }

    [Test]
    public void Retries_back_off_by_doubling_up_to_the_longest_wait()
    {
        var schedule = new RetrySchedule(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1));
        Assert.That(Enumerable.Range(1, 9).Select(schedule.After), Is.EqualTo(new[]
        {
            TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8),
            TimeSpan.FromMinutes(16), TimeSpan.FromMinutes(32), TimeSpan.FromHours(1), TimeSpan.FromHours(1),
        }));
        Assert.That(schedule.After(500), Is.EqualTo(TimeSpan.FromHours(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.After(0));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
