using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Platform.Documents.Exchange;

/// <summary>The XSD of the envelope subset we support (edxml.xsd, embedded), and validation against it.</summary>
public static class EdXmlSchema
{
    private static readonly Lazy<XmlSchemaSet> Set = new(Load);

    public static XmlSchemaSet Schemas => Set.Value;

    /// <summary>Every schema error, in document order; empty when the package conforms.</summary>
    public static IReadOnlyList<string> Validate(XDocument document)
    {
        var errors = new List<string>();
        document.Validate(Schemas, (_, e) =>
        {
            var line = e.Exception is { LineNumber: > 0 } ex ? $" (dòng {ex.LineNumber})" : "";
            errors.Add($"sai lược đồ edXML{line}: {e.Message}");
        });
        return errors;
    }

    private static XmlSchemaSet Load()
    {
        using var stream = typeof(EdXmlSchema).Assembly.GetManifestResourceStream("Platform.Documents.Exchange.edxml.xsd")
            ?? throw new InvalidOperationException("edxml.xsd is not embedded in the Documents assembly.");
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var set = new XmlSchemaSet();
        set.Add(EdXml.Namespace, reader);
        set.Compile();
        return set;
    }
}
