using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Platform.Faults.Tests;

/// <summary>What the load was told: the ids of every accepted change, and every request that ended in an error.</summary>
public sealed class Ledger
{
    public ConcurrentBag<Guid> Registered { get; } = [];
    public ConcurrentBag<Guid> Directed { get; } = [];
    public ConcurrentBag<Guid> Issued { get; } = [];
    public ConcurrentBag<string> Errors { get; } = [];
    private int _requests;
    public int Requests => _requests;

    public Answer Note(Answer answer, string what)
    {
        Interlocked.Increment(ref _requests);
        if (!answer.Accepted) Errors.Add($"{what}: {(int)answer.Status} after {answer.Attempts} attempts: {answer.Body[..Math.Min(300, answer.Body.Length)]}");
        return answer;
    }
}

/// <summary>
/// An office's day compressed: clerks register incoming documents (a leader gives a direction on
/// every third), and specialists carry outgoing decisions from draft to issue (7 requests each).
/// Six in ten requests register, two in ten direct, two in ten issue.
/// </summary>
public sealed class OfficeLoad(PatientClient client, string marker, int requests)
{
    private const int Workers = 4;
    public Ledger Ledger { get; } = new();

    /// <summary>Runs the load in as many parts as there are faults; each fault strikes while its part is under way.</summary>
    public async Task RunAsync(IReadOnlyList<Func<Task>> faults)
    {
        var jobs = Jobs().ToArray();
        var parts = Math.Max(1, faults.Count);
        for (var part = 0; part < parts; part++)
        {
            var slice = jobs.Skip(part * jobs.Length / parts).Take((part + 1) * jobs.Length / parts - part * jobs.Length / parts);
            var queue = new ConcurrentQueue<Func<Task>>(slice);
            var done = 0;
            var total = queue.Count;
            var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
            {
                while (queue.TryDequeue(out var job))
                {
                    await job();
                    Interlocked.Increment(ref done);
                }
            })).ToArray();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var faultTime = TimeSpan.Zero;
            if (faults.Count > 0)
            {
                // Strike once a fifth of the part went through, so requests are in flight on both sides of the fault.
                while (Volatile.Read(ref done) < total / 5 && !workers.All(w => w.IsCompleted)) await Task.Delay(20);
                var struck = watch.Elapsed;
                await faults[part]();
                faultTime = watch.Elapsed - struck;
            }
            await Task.WhenAll(workers);
            // Where the time goes (make test runs this suite with every other one): the fault and its recovery, or the load.
            TestContext.Progress.WriteLine($"part {part + 1}/{parts}: {total} jobs in {watch.Elapsed.TotalSeconds:F1} s, of which the fault and its recovery {faultTime.TotalSeconds:F1} s");
        }
    }

    private IEnumerable<Func<Task>> Jobs()
    {
        var registrations = requests * 6 / 10;
        var outgoing = Math.Max(1, requests * 2 / 10 / 7);
        var outgoingEvery = Math.Max(1, registrations / outgoing);
        for (var i = 0; i < registrations; i++)
        {
            var sequence = i;
            yield return () => RegisterAsync(sequence, direct: sequence % 3 == 0);
            if (i % outgoingEvery == 0 && i / outgoingEvery < outgoing) yield return () => IssueAsync(sequence);
        }
    }

    private async Task RegisterAsync(int sequence, bool direct)
    {
        var registered = Ledger.Note(await client.PostAsync("vanthu", "/api/documents/incoming", () => JsonContent.Create(new
        {
            issuingBody = "Sở Nội vụ",
            numberAndCode = $"{sequence + 1}/{marker}-SNV",
            documentDate = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd"),
            documentType = "Công văn",
            subject = $"Về việc thử nghiệm sự cố mã {marker} số {sequence + 1}",
            urgency = "Normal",
            secrecy = "None",
            pageCount = 1,
            signer = "Nguyễn Văn Bình",
        })), $"register {sequence}");
        if (!registered.Accepted) return;
        var id = registered.Json.GetProperty("id").GetGuid();
        Ledger.Registered.Add(id);
        if (!direct) return;
        var directed = Ledger.Note(await client.PostAsync("lanhdao", $"/api/documents/incoming/{id}/direction", () => JsonContent.Create(new
        {
            direction = $"Giao Sở Nội vụ chủ trì xử lý văn bản mã {marker}",
            leadUnit = "SNV",
            supportingUnits = new[] { "STC" },
            deadline = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
        })), $"direct {sequence}");
        if (directed.Accepted) Ledger.Directed.Add(id);
    }

    private async Task IssueAsync(int sequence)
    {
        var draft = Ledger.Note(await client.PostAsync("chuyenvien", "/api/documents/outgoing", () => JsonContent.Create(new
        {
            documentType = "Quyết định",
            subject = $"Quyết định thử nghiệm sự cố mã {marker}q số {sequence + 1}",
            urgency = "Normal",
            secrecy = "None",
            recipients = new[] { "Các sở, ban, ngành tỉnh" },
            isPublic = true,
            isLegalNormative = true,
        })), $"draft {sequence}");
        if (!draft.Accepted) return;
        var id = draft.Json.GetProperty("id").GetGuid();
        var steps = new (string User, string Step, Func<HttpContent> Content)[]
        {
            ("chuyenvien", "attachments", MainFile),
            ("chuyenvien", "submit", Empty),
            ("lanhdao", "review", Empty),
            ("lanhdao", "approve", Empty),
            ("lanhdao", "sign", () => JsonContent.Create(new { signerName = "Trần Văn C", signerPosition = "TM. ỦY BAN NHÂN DÂN - CHỦ TỊCH" })),
            ("vanthu", "issue", Empty),
        };
        foreach (var (user, step, content) in steps)
        {
            if (!Ledger.Note(await client.PostAsync(user, $"/api/documents/outgoing/{id}/{step}", content), $"{step} {sequence}").Accepted) return;
        }
        Ledger.Issued.Add(id);
    }

    private static HttpContent Empty() => JsonContent.Create(new { });

    private static HttpContent MainFile()
    {
        var file = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n% Quyet dinh thu nghiem su co\n%%EOF\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "file", "quyet-dinh.pdf" }, { new StringContent("true"), "main" } };
    }
}
