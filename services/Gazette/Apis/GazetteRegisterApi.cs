using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Gazette.Domain;
using Platform.Gazette.Intake;
using Platform.Gazette.Persistence;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Events.Outbox;
using Platform.ServiceDefaults.Storage;

namespace Platform.Gazette.Apis;

/// <summary>The gazette register (sổ đăng ký văn bản gửi đăng công báo).</summary>
public static class GazetteRegisterApi
{
    public static RouteGroupBuilder MapGazetteRegisterApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/gazette").RequireAuthorization(Policies.GazetteAccess).WithTags("Gazette register");
        group.MapGet("/register", List);
        group.MapGet("/register/{id:guid}", Get);
        group.MapGet("/register/{id:guid}/original", DownloadOriginal);
        group.MapGet("/deadlines", Deadlines);
        var editor = endpoints.MapGroup("/api/gazette/register").RequireAuthorization(GazetteServiceRegistration.EditorPolicy).WithTags("Gazette register");
        editor.MapPost("/", ReceiveByHand).DisableAntiforgery();
        editor.MapPost("/{id:guid}/return", ReturnToIssuer);
        editor.MapPost("/{id:guid}/original", SubmitOriginal).DisableAntiforgery();
        return group;
    }

    private static async Task<Ok<GazetteEntry[]>> List(GazetteDbContext db, int? year, EntryStatus? status, CancellationToken cancellationToken)
    {
        var query = db.Entries.AsNoTracking();
        if (year is not null) query = query.Where(e => e.ReceivedDate.Year == year);
        if (status is not null) query = query.Where(e => e.Status == status);
        return TypedResults.Ok(await query.OrderByDescending(e => e.ReceivedAtUtc).Take(500).ToArrayAsync(cancellationToken));
    }

    private static async Task<Results<Ok<EntryDetail>, NotFound>> Get(Guid id, GazetteDbContext db, CancellationToken cancellationToken)
    {
        var entry = await db.Entries.AsNoTracking().Include(e => e.History).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        return entry is null ? TypedResults.NotFound() : TypedResults.Ok(new EntryDetail(entry, [.. entry.History.OrderBy(h => h.AtUtc)]));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> DownloadOriginal(Guid id, GazetteDbContext db, CancellationToken cancellationToken)
    {
        var file = await (from e in db.Entries where e.Id == id
                          join f in db.Files on e.OriginalFileId equals f.Id
                          select f).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return file is null ? TypedResults.NotFound() : TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>Entries whose publishing deadline is near or past, most urgent first.</summary>
    private static async Task<Ok<DeadlineView[]>> Deadlines(GazetteDbContext db, GazetteDeadlines deadlines, WorkingCalendar calendar, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(clock);
        var pending = await db.Entries.AsNoTracking().Where(e => e.Status != EntryStatus.Published).ToListAsync(cancellationToken);
        return TypedResults.Ok(pending
            .Select(e => new DeadlineView(e.Id, e.NumberAndCode, e.Subject, e.IssuingBody, e.Status, e.ReceivedDate, e.PublishBy,
                deadlines.StateOn(e.PublishBy, today), calendar.WorkingDaysBetween(today, e.PublishBy), e.SendBy, e.SentLate))
            .Where(v => v.State != DeadlineState.OnTime)
            .OrderBy(v => v.PublishBy).ToArray());
    }

    private static async Task<Results<Created<GazetteEntry>, ValidationProblem>> ReceiveByHand(
        [FromForm] ManualIntakeForm form, IFormFile? original, ClaimsPrincipal user, GazetteDbContext db, RegisterIntake intake,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = form.Validate(VietnamTime.Today(clock));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Dữ liệu văn bản gửi đăng công báo không hợp lệ");
        var file = await UploadedFile.ReadAsync(original, clock, cancellationToken);
        var entry = await intake.ReceiveAsync(form.ToReceived(file), user.Username(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/gazette/register/{entry.Id}", entry);
    }

    private static async Task<Results<Ok<GazetteEntry>, NotFound, ValidationProblem>> ReturnToIssuer(
        Guid id, ReturnRequest request, ClaimsPrincipal user, GazetteDbContext db, Outbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Error))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["error"] = ["Phải ghi lỗi phát hiện được."] });
        var entry = await db.Entries.Include(e => e.History).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null) return TypedResults.NotFound();
        var now = clock.GetUtcNow();
        entry.ReturnToIssuer(request.Error.Nfc(), user.Username(), now.UtcDateTime);
        // The issuer learns of it from the event (Documents for its own documents); a body that sent it by hand is told by the editor.
        outbox.Add(new GazetteDocumentReturned(entry.Id, entry.DocumentId, entry.NumberAndCode, entry.IssuingBody, entry.LastError!, user.Username(), now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(entry);
    }

    /// <summary>
    /// The signed original and its text: the first one for a document announced without them,
    /// or the corrected original (bản gốc đã sửa) that replaces a returned one.
    /// </summary>
    private static async Task<Results<Ok<GazetteEntry>, NotFound, ValidationProblem>> SubmitOriginal(
        Guid id, [FromForm] string? text, [FromForm] string? note, IFormFile? original, ClaimsPrincipal user, GazetteDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var file = await UploadedFile.ReadAsync(original, clock, cancellationToken);
        text = text.NfcOrNull() ?? OriginalText.Extract(file);
        if (text is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["Phải có nội dung văn bản để đăng (hoặc bản gốc PDF có lớp chữ)."] });
        var entry = await db.Entries.Include(e => e.History).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null) return TypedResults.NotFound();
        if (file is not null) db.Files.Add(file);
        if (entry.Status == EntryStatus.Returned)
            entry.ReplaceOriginal(text, file, user.Username(), clock.GetUtcNow().UtcDateTime, note.NfcOrNull());
        else if (entry.Status == EntryStatus.Received && string.IsNullOrWhiteSpace(entry.Text))
            entry.AttachOriginal(text, file);
        else
            throw new DomainRuleException("Văn bản đã có bản gốc; chỉ thay bản gốc sau khi trả lại cơ quan ban hành để sửa lỗi.", code: "entry-has-original");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(entry);
    }
}

public sealed record ReturnRequest(string? Error);

public sealed record EntryDetail(GazetteEntry Entry, IReadOnlyList<EntryHistory> History);

public sealed record DeadlineView(
    Guid EntryId, string NumberAndCode, string Subject, string IssuingBody, EntryStatus Status, DateOnly ReceivedDate,
    DateOnly PublishBy, DeadlineState State, int WorkingDaysLeft, DateOnly SendBy, bool SentLate);
