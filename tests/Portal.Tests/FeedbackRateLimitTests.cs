using System.Net;
using Microsoft.AspNetCore.Hosting;
using Platform.TestSupport;

namespace Platform.Portal.Tests;

public sealed class FeedbackRateLimitTests
{
    [Test]
    public async Task One_address_sending_too_much_feedback_is_asked_to_wait_but_can_still_read()
    {
        using var portal = new PortalFactory(DatabaseKind.Sqlite);
        using var factory = portal.WithWebHostBuilder(web => web.UseSetting("Portal:Feedback:PermitLimit", "2"));
        var client = factory.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            using var accepted = await client.PostAsync("/phan-anh", FeedbackFormTests.Form(await FeedbackFormTests.AntiforgeryTokenAsync(client)));
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        using var refused = await client.PostAsync("/phan-anh", FeedbackFormTests.Form(await FeedbackFormTests.AntiforgeryTokenAsync(client)));

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("Vui lòng thử lại sau."));
        Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await client.GetAsync("/phan-anh")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
