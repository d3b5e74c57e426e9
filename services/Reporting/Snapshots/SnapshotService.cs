using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Platform.Reporting.Domain;
using Platform.Reporting.Persistence;
using Platform.Reporting.Reports;
using Platform.ServiceDefaults.Auth;
using System.Security.Claims;

namespace Platform.Reporting.Snapshots;

public sealed record SnapshotInfo(long Id, string PeriodKey, string Scope, string Sha256, DateTimeOffset GeneratedAt, string GeneratedBy, string Signer);

/// <summary>What generating a closed period's report gave: the signed snapshot, and whether today's figures differ from it.</summary>
public sealed record SnapshotOutcome(SnapshotInfo Snapshot, bool Created, ReportFigures Signed, IReadOnlyList<FigureDifference> Differences);

/// <summary>
/// Stores and signs the report of a closed period once; later generations compare against it
/// and show the differences instead of replacing what was sent upward.
/// </summary>
public sealed class SnapshotService(ReportingDbContext db, ReportService reports, ReportSigner signer, TimeProvider clock)
{
    // The signed file is read by people checking what was sent upward: Vietnamese stays readable.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public async Task<SnapshotOutcome> GenerateAsync(ReportingPeriod period, string? unit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var current = await reports.FiguresAsync(period, unit, cancellationToken);
        var content = JsonSerializer.SerializeToUtf8Bytes(current, Json);
        var existing = await db.ReportSnapshots.AsNoTracking()
            .SingleOrDefaultAsync(s => s.PeriodKey == current.PeriodKey && s.Scope == current.Scope, cancellationToken);
        if (existing is not null)
        {
            var differences = FigureDifferences.Between(JsonNode.Parse(existing.Content), JsonNode.Parse(content));
            return new SnapshotOutcome(Info(existing), false, JsonSerializer.Deserialize<ReportFigures>(existing.Content, Json)!, differences);
        }
        var snapshot = new ReportSnapshot
        {
            PeriodKey = current.PeriodKey,
            Scope = current.Scope,
            Content = content,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Signature = signer.Sign(content),
            GeneratedAt = clock.GetUtcNow(),
            GeneratedBy = user.Username(),
        };
        db.ReportSnapshots.Add(snapshot);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone signed the same period a moment earlier; theirs stands and this one compares against it.
            db.ChangeTracker.Clear();
            if (!await db.ReportSnapshots.AnyAsync(s => s.PeriodKey == snapshot.PeriodKey && s.Scope == snapshot.Scope, cancellationToken)) throw;
            return await GenerateAsync(period, unit, user, cancellationToken);
        }
        return new SnapshotOutcome(Info(snapshot), true, current, []);
    }

    public Task<ReportSnapshot?> FindAsync(long id, CancellationToken cancellationToken) =>
        db.ReportSnapshots.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    public static SnapshotInfo Info(ReportSnapshot snapshot) => new(
        snapshot.Id, snapshot.PeriodKey, snapshot.Scope, snapshot.Sha256, snapshot.GeneratedAt, snapshot.GeneratedBy,
        ReportSigner.Verify(snapshot.Content, snapshot.Signature) ?? "(chữ ký không hợp lệ)");
}
