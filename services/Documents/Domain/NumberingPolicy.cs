using Platform.Contracts;

namespace Platform.Documents.Domain;

/// <summary>How administrative (non-normative, non-secret) documents share number series; the head of the body decides.</summary>
public enum AdministrativeSeries
{
    /// <summary>One series for every administrative type.</summary>
    Shared,
    /// <summary>One series per type.</summary>
    PerType,
}

/// <summary>Configuration section <c>Documents:Numbering</c>.</summary>
public sealed class NumberingOptions
{
    public const string Section = "Documents:Numbering";

    public AdministrativeSeries AdministrativeSeries { get; set; } = AdministrativeSeries.Shared;

    /// <summary>The issuing body's code in every document code (UBND for the People's Committee).</summary>
    public string BodyCode { get; set; } = "UBND";
}

/// <summary>
/// Which yearly series an outgoing document draws its number from, and the số, ký hiệu it is given
/// (Nghị định 30/2020/NĐ-CP, Điều 15 and Phụ lục III): each legal normative type and secret documents
/// have their own series; administrative documents follow the configured policy.
/// </summary>
public sealed class NumberingPolicy(NumberingOptions options)
{
    public string SeriesFor(DocumentType type, Secrecy secrecy, bool legalNormative)
    {
        if (legalNormative) return "outgoing:normative:" + type.Name;
        if (secrecy != Secrecy.None) return "outgoing:secret";
        return options.AdministrativeSeries == AdministrativeSeries.Shared ? "outgoing:administrative" : "outgoing:type:" + type.Name;
    }

    /// <summary>
    /// `05/QĐ-UBND`; a công văn names the drafting unit instead of a type: `45/UBND-KT`. A legal
    /// normative document carries its year as well (`15/2026/QĐ-UBND`), which also keeps its code
    /// apart from an administrative decision with the same number in the other series.
    /// </summary>
    public string NumberAndCode(int number, DocumentType type, string draftingUnit, bool legalNormative = false, int year = 0)
    {
        if (legalNormative) return $"{FormatNumber(number)}/{year}/{type.Abbreviation}-{options.BodyCode}";
        var code = type.Abbreviation is { } abbreviation ? $"{abbreviation}-{options.BodyCode}"
            : type.IsOfficialLetter && !string.IsNullOrWhiteSpace(draftingUnit) ? $"{options.BodyCode}-{draftingUnit}"
            : options.BodyCode;
        return $"{FormatNumber(number)}/{code}";
    }

    /// <summary>Numbers below 10 are written with a leading zero.</summary>
    public static string FormatNumber(int number) => number.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
}
