using System.Net;
using System.Net.Http.Json;
using Platform.Documents.Apis;
using Platform.TestSupport;

namespace Platform.Documents.Tests;

/// <summary>Walks an outgoing document through the flow over HTTP, as the people involved would.</summary>
public sealed class OutgoingDriver(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, TestUser? specialist = null) : IDisposable
{
    public HttpClient Specialist { get; } = SignedIn(factory, specialist ?? TestUser.Specialist);
    public HttpClient Leader { get; } = SignedIn(factory, TestUser.Leader);
    public HttpClient Clerk { get; } = SignedIn(factory, TestUser.Clerk);

    private static HttpClient SignedIn(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, TestUser user)
    {
        var client = factory.CreateClient();
        user.SignIn(client);
        return client;
    }

    public static object Draft(string type = "Quyết định", string secrecy = "None", bool isPublic = false, bool isLegalNormative = false, Guid? replacesId = null,
        string subject = "Về việc ban hành Kế hoạch cải cách hành chính năm 2027") => new
    {
        documentType = type,
        subject,
        urgency = "Normal",
        secrecy,
        recipients = new[] { "Các sở, ban, ngành tỉnh", "UBND các huyện, thành phố" },
        copyCount = 3,
        isPublic,
        isLegalNormative,
        replacesId,
    };

    public async Task<OutgoingDocumentView> CreateAsync(object? draft = null)
    {
        var response = await Specialist.PostAsJsonAsync("/api/documents/outgoing", draft ?? Draft());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<OutgoingDocumentView>())!;
    }

    public async Task<AttachmentView> AttachAsync(Guid id, byte[] content, string fileName = "vanban.pdf", bool main = true)
    {
        var response = await Specialist.PostAsync($"/api/documents/outgoing/{id}/attachments", TestFiles.Form(content, fileName, main));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<AttachmentView>())!;
    }

    public async Task<OutgoingDocumentView> StepAsync(HttpClient client, Guid id, string step, object? body = null)
    {
        var response = await client.PostAsJsonAsync($"/api/documents/outgoing/{id}/{step}", body ?? new { });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{step}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<OutgoingDocumentView>())!;
    }

    /// <summary>A draft with a main PDF, checked, approved and signed, waiting for the clerk.</summary>
    public async Task<OutgoingDocumentView> SignedAsync(object? draft = null, byte[]? file = null)
    {
        var document = await CreateAsync(draft);
        await AttachAsync(document.Id, file ?? TestFiles.Pdf("Quyet dinh ban hanh ke hoach " + document.Id));
        await StepAsync(Specialist, document.Id, "submit");
        await StepAsync(Leader, document.Id, "review");
        await StepAsync(Leader, document.Id, "approve");
        return await StepAsync(Leader, document.Id, "sign", new { signerName = "Nguyễn Văn B", signerPosition = "KT. CHỦ TỊCH - PHÓ CHỦ TỊCH" });
    }

    public async Task<OutgoingDocumentView> IssuedAsync(object? draft = null, byte[]? file = null)
    {
        var signed = await SignedAsync(draft, file);
        return await StepAsync(Clerk, signed.Id, "issue");
    }

    public void Dispose()
    {
        Specialist.Dispose();
        Leader.Dispose();
        Clerk.Dispose();
    }
}
