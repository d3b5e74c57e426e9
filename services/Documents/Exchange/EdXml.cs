using System.Globalization;
using System.Xml.Linq;

namespace Platform.Documents.Exchange;

/// <summary>The edXML namespace and the value formats both the writer and the reader rely on.</summary>
public static class EdXml
{
    public const string Namespace = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    public static readonly XNamespace Ns = Namespace;

    /// <summary>`OrganId,YYYY/MM/DD,number/notation`: the identity of a document across agencies.</summary>
    public static string DocumentId(string organId, DateOnly promulgationDate, DocumentCode code) =>
        $"{organId},{promulgationDate.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture)},{code}";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Timestamp(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
}
