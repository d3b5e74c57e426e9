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

    /// <summary>
    /// The document as Lucene fields, filled into this thread's own Field instances: a new field
    /// brings a new token stream with its attributes for every document, which a profile of bulk
    /// indexing showed as a large share of the work. The result is valid until the next call on
    /// the same thread (IndexWriter has consumed it by then).
    /// </summary>
    public static LuceneDocument ToLucene(SearchDocument d) => (_fields ??= new ReusableFields()).Fill(d);

    [ThreadStatic]
    private static ReusableFields? _fields;

    private sealed class ReusableFields
    {
        private readonly StringField _id = new(Id, "", Field.Store.YES);
        private readonly StringField _direction = new(Direction, "", Field.Store.YES);
        private readonly TextField _heading = new(Text, "", Field.Store.NO);
        private readonly TextField _headingFolded = new(TextFolded, "", Field.Store.NO);
        private readonly TextField _bodyFolded = new(TextFolded, "", Field.Store.NO);
        private readonly StringField _code = new(Code, "", Field.Store.NO);
        private readonly StringField _codeFolded = new(CodeFolded, "", Field.Store.NO);
        private readonly StoredField _numberAndCode = new(NumberAndCode, "");
        private readonly StoredField _subject = new(Subject, "");
        private readonly Int32Field _date = new(Date, 0, Field.Store.YES);
        private readonly Int32Field _secrecy = new(Secrecy, 0, Field.Store.YES);
        private readonly StringField _public = new(Public, "", Field.Store.YES);
        private readonly StoredField _registeredAt = new(RegisteredAt, 0L);
        private readonly StoredField _body = new(Body, "");
        private readonly List<StringField> _units = [];
        private readonly Dictionary<string, (StringField Keyword, SortedDocValuesField Values)> _keywords =
            FacetFields.Values.ToDictionary(f => f, f => (new StringField(f, "", Field.Store.YES), new SortedDocValuesField(f, new BytesRef())));

        public LuceneDocument Fill(SearchDocument d)
        {
            var subject = d.Subject.Nfc();
            // Exact (diacritics kept) covers what a register shows: subject, issuing body, type. The long
            // body text is indexed folded only: it halves the indexing work and the postings a query with
            // diacritics walks, and a match in the body is about recall, not which spelling ranks first.
            var heading = string.Join('\n', subject, d.IssuingBody.Nfc(), d.DocumentType.Nfc());
            var code = VietnameseText.CodeKey(d.NumberAndCode);
            _id.SetStringValue(d.Id.ToString());
            _direction.SetStringValue(d.Direction);
            _heading.SetStringValue(heading);
            _headingFolded.SetStringValue(heading);
            _code.SetStringValue(code);
            _codeFolded.SetStringValue(VietnameseText.Fold(code));
            _numberAndCode.SetStringValue(d.NumberAndCode.Nfc());
            _subject.SetStringValue(subject);
            _date.SetInt32Value(DateKey(d.DocumentDate));
            _secrecy.SetInt32Value((int)d.Secrecy);
            _public.SetStringValue(d.IsPublic ? "true" : "false");
            _registeredAt.SetInt64Value(d.RegisteredAt.UtcTicks);
            var doc = new LuceneDocument
            {
                _id, _direction, _heading, _headingFolded, _code, _codeFolded, _numberAndCode, _subject, _date, _secrecy, _public, _registeredAt,
            };
            if (d.Body is { Length: > 0 })
            {
                // Heading and body as two values of one field: the same positions as one joined text, without the copy.
                var body = d.Body.Nfc();
                _bodyFolded.SetStringValue(body);
                _body.SetStringValue(body);
                doc.Add(_bodyFolded);
                doc.Add(_body);
            }
            var units = d.Units.Where(u => !string.IsNullOrEmpty(u)).Select(u => u.Nfc()).Distinct().ToArray();
            while (_units.Count < units.Length) _units.Add(new StringField(Units, "", Field.Store.YES));
            for (var i = 0; i < units.Length; i++)
            {
                _units[i].SetStringValue(units[i]);
                doc.Add(_units[i]);
            }
            Keyword(doc, FacetFields[Facets.Type], d.DocumentType.Nfc());
            Keyword(doc, FacetFields[Facets.IssuingBody], d.IssuingBody.Nfc());
            Keyword(doc, FacetFields[Facets.Status], d.Status);
            Keyword(doc, FacetFields[Facets.Urgency], d.Urgency.ToString());
            return doc;
        }

        private void Keyword(LuceneDocument doc, string field, string value)
        {
            var (keyword, values) = _keywords[field];
            keyword.SetStringValue(value);
            values.SetBytesValue(new BytesRef(value));
            doc.Add(keyword);
            doc.Add(values);
        }
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
