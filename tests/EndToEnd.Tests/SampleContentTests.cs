using System.Net.Http.Json;
using System.Text.Json;
using Platform.AppHost;

namespace Platform.EndToEnd.Tests;

/// <summary>make run's first start enters sample work through the real APIs, once.</summary>
public sealed class SampleContentTests
{
    [Test]
    public async Task Sample_content_is_entered_once_through_the_apis()
    {
        var settings = RunningPlatform.Platform.Settings;
        await SampleContent.SeedOnceAsync(settings, CancellationToken.None);
        await SampleContent.SeedOnceAsync(settings, CancellationToken.None);

        var leader = await RunningPlatform.Tokens.PasswordAsync("lanhdao");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/documents/incoming?pageSize=200").WithBearer(leader);
        using var response = await RunningPlatform.Gateway.SendAsync(request);
        var documents = await response.Content.ReadFromJsonAsync<JsonElement>();
        var storm = documents.EnumerateArray().Where(d => d.GetProperty("numberAndCode").GetString() == "07/CĐ-BCH").ToArray();
        Assert.That(storm, Has.Length.EqualTo(1), "entered once, even when asked twice");
        Assert.That(storm[0].GetProperty("status").GetString(), Is.EqualTo("Assigned"));
        Assert.That(storm[0].GetProperty("arrivalTimeRecorded").GetBoolean(), Is.True, "Hỏa tốc records the hour of arrival");
    }
}
