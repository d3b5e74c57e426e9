namespace Platform.Gazette.Domain;

/// <summary>The gazette's local rules, from the configuration section <c>Gazette</c>.</summary>
public sealed class GazetteOptions
{
    public const string Section = "Gazette";

    /// <summary>Public holidays (ngày nghỉ lễ, Tết) as ISO dates; weekends are always off.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>The issuing body sends a document within this many working days of signing.</summary>
    public int SendWithinWorkingDays { get; set; } = 3;

    /// <summary>The gazette publishes a document within this many working days of receipt.</summary>
    public int PublishWithinWorkingDays { get; set; } = 7;

    /// <summary>A deadline this many working days away (or fewer) is approaching.</summary>
    public int DueSoonWorkingDays { get; set; } = 2;

    /// <summary>How often the deadline watcher looks at the register.</summary>
    public TimeSpan DeadlineCheckInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Name of the office printed on the cover and in the signature's certificate.</summary>
    public string OfficeName { get; set; } = "Văn phòng Ủy ban nhân dân tỉnh";

    /// <summary>The office certificate (PKCS#12); empty means a development certificate in the data folder.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}
