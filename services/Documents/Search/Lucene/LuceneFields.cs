using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using Platform.Contracts;
using Platform.ServiceDefaults.Storage;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Platform.Documents.Search.Lucene;

/// <summary>How a <see cref="SearchDocument"/> is laid out in Lucene fields, and read back.</summary>
internal static class LuceneFields
{
    public const string Id = "id";
    public const string Text = "text";
    public const string TextFolded = "text_folded";
    public const string Code = "code";
    public const string CodeFolded = "code_folded";
    public const string Units = "units";
    public const string Date = "date";
    public const string Secrecy = "secrecy";
    public const string Public = "public";
    public const string Direction = "direction";
    public const string NumberAndCode = "number_and_code";
    public const string Subject = "subject";
    public const string Body = "body";
    public const string RegisteredAt = "registered_at";

    /// <summary>Every stored field.</summary>
    public static readonly string[] Stored =
        [Id, Direction, NumberAndCode, Subject, Date, Secrecy, Public, RegisteredAt, Body, Units, "type", "issuing_body", "status", "urgency"];

    /// <summary>Facet name to its keyword field; the field is also a filter.</summary>
    public static readonly IReadOnlyDictionary<string, string> FacetFields = new Dictionary<string, string>
    {
        [Facets.Type] = "type",
        [Facets.IssuingBody] = "issuing_body",
        [Facets.Status] = "status",
        [Facets.Urgency] = "urgency",
    };

    public static int DateKey(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    public static LuceneDocument ToLucene(SearchDocument d)
    {
        var subject = d.Subject.Nfc();
        // Exact (diacritics kept) covers what a register shows: subject, issuing body, type. The long
        // body text is indexed folded only: it halves the indexing work and the postings a query with
        // diacritics walks, and a match in the body is about recall, not which spelling ranks first.
        var heading = string.Join('\n', subject, d.IssuingBody.Nfc(), d.DocumentType.Nfc());
        var body = d.Body is { Length: > 0 } b ? b.Nfc() : null;
        var doc = new LuceneDocument
        {
            new StringField(Id, d.Id.ToString(), Field.Store.YES),
            new StringField(Direction, d.Direction, Field.Store.YES),
            new TextField(Text, heading, Field.Store.NO),
            // Heading and body as two values of one field: the same positions as one joined text, without the copy.
            new TextField(TextFolded, heading, Field.Store.NO),
            new StringField(Code, VietnameseText.CodeKey(d.NumberAndCode), Field.Store.NO),
            new StringField(CodeFolded, VietnameseText.Fold(VietnameseText.CodeKey(d.NumberAndCode)), Field.Store.NO),
            new StoredField(NumberAndCode, d.NumberAndCode.Nfc()),
            new StoredField(Subject, subject),
            new Int32Field(Date, DateKey(d.DocumentDate), Field.Store.YES),
            new Int32Field(Secrecy, (int)d.Secrecy, Field.Store.YES),
            new StringField(Public, d.IsPublic ? "true" : "false", Field.Store.YES),
            new StoredField(RegisteredAt, d.RegisteredAt.UtcTicks),
        };
        if (body is not null)
        {
            doc.Add(new TextField(TextFolded, body, Field.Store.NO));
            doc.Add(new StoredField(Body, body));
        }
        foreach (var unit in d.Units.Where(u => !string.IsNullOrEmpty(u)).Select(u => u.Nfc()).Distinct())
        {
            doc.Add(new StringField(Units, unit, Field.Store.YES));
        }
        AddKeyword(doc, FacetFields[Facets.Type], d.DocumentType.Nfc());
        AddKeyword(doc, FacetFields[Facets.IssuingBody], d.IssuingBody.Nfc());
        AddKeyword(doc, FacetFields[Facets.Status], d.Status);
        AddKeyword(doc, FacetFields[Facets.Urgency], d.Urgency.ToString());
        return doc;
    }

    private static void AddKeyword(LuceneDocument doc, string field, string value)
    {
        doc.Add(new StringField(field, value, Field.Store.YES));
        doc.Add(new SortedDocValuesField(field, new BytesRef(value)));
    }

    public static SearchDocument FromLucene(LuceneDocument doc)
    {
        var date = doc.GetField(Date).GetInt32Value() ?? 0;
        return new SearchDocument
        {
            Id = Guid.Parse(doc.Get(Id)),
            Direction = doc.Get(Direction),
            NumberAndCode = doc.Get(NumberAndCode),
            DocumentType = doc.Get(FacetFields[Facets.Type]),
            Subject = doc.Get(Subject),
            IssuingBody = doc.Get(FacetFields[Facets.IssuingBody]),
            DocumentDate = date == 0 ? default : new DateOnly(date / 10000, date / 100 % 100, date % 100),
            Status = doc.Get(FacetFields[Facets.Status]),
            Urgency = Enum.Parse<Urgency>(doc.Get(FacetFields[Facets.Urgency])),
            Secrecy = (Secrecy)(doc.GetField(Secrecy).GetInt32Value() ?? 0),
            IsPublic = doc.Get(Public) == "true",
            Units = doc.GetValues(Units),
            Body = doc.Get(Body),
            RegisteredAt = new DateTimeOffset(long.Parse(doc.Get(RegisteredAt), CultureInfo.InvariantCulture), TimeSpan.Zero),
        };
    }
}
