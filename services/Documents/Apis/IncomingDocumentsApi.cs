using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Documents.Audit;
using Platform.Documents.Domain;
using Platform.Documents.Persistence;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Events.Outbox;
using Platform.ServiceDefaults.Storage;

namespace Platform.Documents.Apis;

/// <summary>Incoming documents (văn bản đến): registration and the leader's direction.</summary>
public static class IncomingDocumentsApi
{
    public static RouteGroupBuilder MapIncomingDocumentsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/documents/incoming")
            .RequireAuthorization(Policies.DocumentsAccess)
            .WithTags("Incoming documents");
        group.MapPost("/", Register).RequireAuthorization(p => p.RequireRole(Roles.Clerk, Roles.Administrator));
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        group.MapPost("/{id:guid}/direction", RecordDirection).RequireAuthorization(p => p.RequireRole(Roles.Leader));
        group.MapIncomingFlowApi();
        return group;
    }

    private static async Task<Results<Created<IncomingDocumentView>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterIncomingDocumentRequest request, ClaimsPrincipal user, DocumentsDbContext db, Outbox outbox, AuditTrail audit,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(now).DateTime);
        var errors = request.Validate(today);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Dữ liệu văn bản đến không hợp lệ");

        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(cancellationToken);
        var (document, existing) = await RegisterAsync(request, user, db, outbox, audit, now, cancellationToken);
        // Returning without commit rolls the transaction back, and the arrival number with it.
        if (document is null) return DuplicateProblem(existing!, DocumentAccess.For(user));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/documents/incoming/{document.Id}", IncomingDocumentView.From(document));
    }

    /// <summary>
    /// Takes the next arrival number and adds the document, its audit entry and its event to the unit of
    /// work inside the caller's transaction; or returns the document it duplicates when not confirmed.
    /// Used by the clerk's form and by registration of a package received over the exchange.
    /// </summary>
    internal static async Task<(IncomingDocument? Registered, IncomingDocument? Existing)> RegisterAsync(
        RegisterIncomingDocumentRequest request, ClaimsPrincipal user, DocumentsDbContext db, Outbox outbox, AuditTrail audit,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var year = DateOnly.FromDateTime(VietnamTime.ToLocal(now).DateTime).Year;
        // Taking the number first serialises registrations, so two copies of one document
        // arriving at once cannot both pass the duplicate check.
        var arrivalNumber = await NumberSeries.NextAsync(db, "incoming", year, cancellationToken);
        var existing = await FindDuplicateAsync(db, request, cancellationToken);
        if (existing is not null && !request.ConfirmDuplicate) return (null, existing);
        var document = new IncomingDocument
        {
            Id = Guid.CreateVersion7(),
            Year = year,
            ArrivalNumber = arrivalNumber,
            DuplicateOf = existing?.Id,
            ArrivedAtUtc = now.UtcDateTime,
            ArrivalTimeRecorded = IncomingDocument.RecordsArrivalTime(request.Urgency),
            IssuingBody = request.IssuingBody!.Nfc(),
            NumberAndCode = request.NumberAndCode!.Nfc(),
            DocumentDate = request.DocumentDate!.Value,
            DocumentType = request.DocumentType!.Nfc(),
            Subject = request.Subject!.Nfc(),
            Urgency = request.Urgency,
            Secrecy = request.Secrecy,
            PageCount = request.PageCount,
            Signer = request.Signer.NfcOrNull(),
            RegisteredBy = user.Username(),
            RegisteredByUnit = user.Unit() ?? "",
        };
        db.IncomingDocuments.Add(document);
        audit.Record(document.Id, "Register", null, document.Status,
            existing is null ? $"Số đến {document.ArrivalNumber}" : $"Số đến {document.ArrivalNumber}; văn thư xác nhận trùng với văn bản {existing.Id}");
        outbox.Add(new DocumentRegistered(
            document.Id, document.Year, document.ArrivalNumber, document.IssuingBody, document.NumberAndCode,
            document.DocumentDate, document.DocumentType, document.Subject, document.Urgency, document.Secrecy,
            document.RegisteredByUnit, now));
        return (document, existing);
    }

    private static Task<IncomingDocument?> FindDuplicateAsync(DocumentsDbContext db, RegisterIncomingDocumentRequest request, CancellationToken cancellationToken)
    {
        var body = request.IssuingBody!.Nfc();
        var code = request.NumberAndCode!.Nfc();
        var date = request.DocumentDate!.Value;
        return db.IncomingDocuments.AsNoTracking()
            .Where(d => d.IssuingBody == body && d.NumberAndCode == code && d.DocumentDate == date)
            .OrderBy(d => d.Year).ThenBy(d => d.ArrivalNumber)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>409 with the document already registered, so the clerk can compare; one above their clearance is not shown.</summary>
    internal static ProblemHttpResult DuplicateProblem(IncomingDocument existing, DocumentAccess access)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = "duplicate" };
        if (access.CanRead(existing)) extensions["existing"] = IncomingDocumentView.From(existing);
        return TypedResults.Problem(
            detail: $"Văn bản {existing.NumberAndCode} của {existing.IssuingBody} ngày {existing.DocumentDate:dd/MM/yyyy} đã được vào sổ"
                + (access.CanRead(existing) ? $" với số đến {existing.ArrivalNumber}/{existing.Year}" : "")
                + ". Nếu đúng là văn bản khác, gửi lại với confirmDuplicate = true.",
            statusCode: StatusCodes.Status409Conflict,
            title: "Văn bản đến bị trùng",
            extensions: extensions);
    }

    private static async Task<Ok<IncomingDocumentView[]>> List(
        ClaimsPrincipal user, DocumentsDbContext db, int? year, IncomingStatus? status, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(pageSize ?? 50, 1, 200);
        var skip = (Math.Max(page ?? 1, 1) - 1) * size;
        var query = db.IncomingDocuments.AsNoTracking().Where(DocumentAccess.For(user).Filter());
        if (year is not null) query = query.Where(d => d.Year == year);
        if (status is not null) query = query.Where(d => d.Status == status);
        var documents = await query
            .OrderByDescending(d => d.Year).ThenByDescending(d => d.ArrivalNumber)
            .Skip(skip).Take(size)
            .ToArrayAsync(cancellationToken);
        return TypedResults.Ok(documents.Select(IncomingDocumentView.From).ToArray());
    }

    private static async Task<Results<Ok<IncomingDocumentView>, NotFound>> Get(
        Guid id, ClaimsPrincipal user, DocumentsDbContext db, CancellationToken cancellationToken)
    {
        // A document above the reader's clearance answers 404, not 403: its existence is secret too.
        var document = await db.IncomingDocuments.AsNoTracking()
            .Where(DocumentAccess.For(user).Filter())
            .FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null) return TypedResults.NotFound();
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.DocumentId == id)
            .OrderBy(a => a.UploadedAtUtc).ToArrayAsync(cancellationToken);
        return TypedResults.Ok(IncomingDocumentView.From(document) with { Attachments = [.. attachments.Select(AttachmentView.From)] });
    }

    private static async Task<Results<Ok<IncomingDocumentView>, NotFound, ValidationProblem>> RecordDirection(
        Guid id, RecordDirectionRequest request, ClaimsPrincipal user, DocumentsDbContext db, Outbox outbox, AuditTrail audit,
        Exchange.ExchangeOutbox exchange, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Ý kiến chỉ đạo không hợp lệ");
        var document = await db.IncomingDocuments
            .Where(DocumentAccess.For(user).Filter())
            .FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null) return TypedResults.NotFound();

        var now = clock.GetUtcNow();
        var supporting = (request.SupportingUnits ?? []).Select(u => u.Nfc()).Distinct().ToArray();
        var from = document.Status;
        document.RecordDirection(request.Direction!.Nfc(), request.LeadUnit!.Nfc(), supporting, request.Deadline, user.Username(), now.UtcDateTime);
        audit.Record(document.Id, "Direction", from, document.Status, $"Chủ trì: {document.LeadUnit}; hạn: {document.Deadline?.ToString("dd/MM/yyyy") ?? "không"}");
        outbox.Add(new DocumentAssigned(
            document.Id, document.NumberAndCode, document.Subject, document.Direction!, document.LeadUnit!,
            supporting, document.Deadline, document.AssignedBy!, document.Secrecy, now));
        await exchange.ReportHandlingAsync(document.Id, Exchange.FeedbackStatus.Assigned, document.Direction, user.Username(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(IncomingDocumentView.From(document));
    }
}
