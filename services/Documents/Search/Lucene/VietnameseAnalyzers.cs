using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Platform.Documents.Search.Lucene;

/// <summary>
/// The two ways the same Vietnamese text is indexed: exact (lower-cased, diacritics kept, so
/// `bão` and `bao` differ) and folded (ASCII folding turns every Vietnamese letter, đ
/// included, into its base letter). Queries ask both fields and weigh the exact one higher.
/// Input is NFC already (see <see cref="LuceneDocumentSearch"/>): ASCII folding maps
/// precomposed letters, not a letter followed by combining marks.
/// </summary>
public static class VietnameseAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer Exact() => Analyzer.NewAnonymous((field, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = 255 };
        return new TokenStreamComponents(tokenizer, new LowerCaseFilter(Version, tokenizer));
    });

    public static Analyzer Folded() => Analyzer.NewAnonymous((field, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = 255 };
        return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(Version, tokenizer)));
    });
}
