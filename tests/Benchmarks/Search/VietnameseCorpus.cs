extern alias documents;
using System.Text;
using System.Text.RegularExpressions;
using documents::Platform.Documents.Search;
using Platform.Contracts;

namespace Platform.Benchmarks.Search;

/// <summary>
/// Realistic administrative documents (văn bản hành chính), reproducible from a seed: types,
/// issuing bodies and codes as DOMAIN.md names them, subjects from the topics a provincial
/// office handles, and bodies of about 300 words of real Vietnamese sentences taken from
/// ../shared/corpus (news of provincial offices), recombined.
/// </summary>
public sealed partial class VietnameseCorpus
{
    private static readonly (string Name, string? Abbreviation, int Weight)[] Types =
    [
        ("Công văn", null, 40), ("Quyết định", "QĐ", 15), ("Thông báo", "TB", 8), ("Báo cáo", "BC", 8), ("Kế hoạch", "KH", 7),
        ("Tờ trình", "TTr", 5), ("Giấy mời", "GM", 5), ("Hướng dẫn", "HD", 2), ("Chỉ thị", "CT", 1), ("Nghị quyết", "NQ", 1),
        ("Chương trình", "CTr", 1), ("Công điện", "CĐ", 1), ("Phương án", "PA", 1), ("Đề án", "ĐA", 1), ("Biên bản", "BB", 1),
        ("Quy chế", "QC", 1), ("Quy định", "QyĐ", 1), ("Thông cáo", "TC", 1),
    ];

    private static readonly (string Name, string Code)[] Bodies =
    [
        ("UBND tỉnh", "UBND"), ("Văn phòng UBND tỉnh", "VP"), ("Sở Nội vụ", "SNV"), ("Sở Tài chính", "STC"),
        ("Sở Kế hoạch và Đầu tư", "SKHĐT"), ("Sở Tài nguyên và Môi trường", "STNMT"), ("Sở Giáo dục và Đào tạo", "SGDĐT"),
        ("Sở Y tế", "SYT"), ("Sở Xây dựng", "SXD"), ("Sở Giao thông vận tải", "SGTVT"), ("Sở Nông nghiệp và Phát triển nông thôn", "SNNPTNT"),
        ("Sở Tư pháp", "STP"), ("Sở Thông tin và Truyền thông", "STTTT"), ("Công an tỉnh", "CAT"), ("Bộ Nội vụ", "BNV"),
        ("Bộ Tài chính", "BTC"), ("Văn phòng Chính phủ", "VPCP"), ("UBND thành phố", "UBND-TP"), ("UBND huyện Phú Tân", "UBND-PT"),
        ("Ban Quản lý các khu công nghiệp", "BQLKCN"),
    ];

    private static readonly string[] Topics =
    [
        "triển khai kế hoạch cải cách hành chính năm {year}", "phòng, chống thiên tai và tìm kiếm cứu nạn", "ứng phó với bão số {n}",
        "quyết toán ngân sách nhà nước năm {year}", "tổ chức hội nghị tổng kết công tác năm {year}", "đẩy mạnh chuyển đổi số trong cơ quan nhà nước",
        "giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm {year}", "tăng cường quản lý đất đai", "bồi thường, hỗ trợ, tái định cư dự án đường tỉnh {n}",
        "tuyển dụng công chức năm {year}", "phòng, chống dịch bệnh truyền nhiễm", "đầu tư xây dựng công trình giao thông nông thôn",
        "thực hiện chế độ báo cáo định kỳ", "công bố thủ tục hành chính lĩnh vực {field}", "lịch tiếp công dân định kỳ của Chủ tịch UBND tỉnh",
        "bảo vệ môi trường lưu vực sông", "bảo đảm an toàn thực phẩm dịp Tết Nguyên đán", "xây dựng nông thôn mới nâng cao",
        "chấn chỉnh công tác văn thư, lưu trữ", "giải quyết phản ánh, kiến nghị của người dân và doanh nghiệp", "phân bổ vốn đầu tư công năm {year}",
        "kiện toàn Ban Chỉ đạo {field}", "thực hiện Nghị định 30/2020/NĐ-CP về công tác văn thư", "kết luận của Chủ tịch UBND tỉnh tại cuộc họp giao ban",
    ];

    private static readonly string[] Fields = ["giáo dục", "y tế", "tư pháp", "đất đai", "xây dựng", "nông nghiệp", "giao thông", "tài chính"];
    private static readonly string[] Units = ["VP", "KT", "TH", "NC", "KGVX", "STC", "SNV", "SKHĐT", "STNMT", "SYT"];

    private readonly string[][] _sentences;
    public string Source { get; }

    private VietnameseCorpus(string[][] sentences, string source)
    {
        _sentences = sentences;
        Source = source;
    }

    /// <summary>Sentences of 5 to 60 words from the corpus folder's .txt files, NFC.</summary>
    public static VietnameseCorpus Load(string folder)
    {
        var sentences = System.IO.Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(file => SentenceEnd().Split(File.ReadAllText(file).Normalize(NormalizationForm.FormC)))
            .Select(s => Regex.Replace(s.Trim(), @"\s+", " "))
            .Select(s => s.Split(' '))
            .Where(words => words.Length is >= 5 and <= 60)
            .ToArray();
        if (sentences.Length < 50) throw new InvalidOperationException($"The corpus at {folder} has only {sentences.Length} usable sentences.");
        return new VietnameseCorpus(sentences, $"{folder} ({sentences.Length} sentences)");
    }

    /// <summary>../shared/corpus next to the repository, found from the working folder upwards.</summary>
    public static string? FindFolder()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "corpus"), Path.Combine(dir.FullName, "..", "shared", "corpus") })
            {
                if (System.IO.Directory.Exists(candidate)) return Path.GetFullPath(candidate);
            }
        }
        return null;
    }

    public IEnumerable<SearchDocument> Documents(int count, int seed)
    {
        var random = new Random(seed);
        var totalWeight = Types.Sum(t => t.Weight);
        var numbers = new Dictionary<string, int>();
        for (var i = 0; i < count; i++)
        {
            var pick = random.Next(totalWeight);
            var type = Types.First(t => (pick -= t.Weight) < 0);
            var body = Bodies[random.Next(Bodies.Length)];
            var year = 2024 + random.Next(3);
            var seriesKey = $"{year}/{type.Abbreviation}/{body.Code}";
            var number = numbers[seriesKey] = numbers.GetValueOrDefault(seriesKey) + 1;
            var code = type.Abbreviation is null
                ? $"{number:00}/{body.Code}-{Units[random.Next(Units.Length)]}"
                : $"{number:00}/{type.Abbreviation}-{body.Code}";
            var topic = Topics[random.Next(Topics.Length)]
                .Replace("{year}", year.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Replace("{n}", (1 + random.Next(12)).ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Replace("{field}", Fields[random.Next(Fields.Length)]);
            var subject = type.Name == "Công văn" ? $"V/v {topic}" : $"{type.Name} về việc {topic}";
            yield return new SearchDocument
            {
                Id = new Guid(i + 1, 0, 0, BitConverter.GetBytes((long)seed)),
                Direction = random.Next(3) == 0 ? "outgoing" : "incoming",
                NumberAndCode = code,
                DocumentType = type.Name,
                Subject = subject,
                IssuingBody = body.Name,
                DocumentDate = new DateOnly(year, 1 + random.Next(12), 1 + random.Next(28)),
                Status = random.Next(3) switch { 0 => "Registered", 1 => "Assigned", _ => "Issued" },
                Urgency = random.Next(10) switch { 0 => Urgency.Urgent, 1 => Urgency.VeryUrgent, _ => Urgency.Normal },
                Secrecy = random.Next(50) == 0 ? Secrecy.Confidential : Secrecy.None,
                IsPublic = random.Next(4) == 0,
                Units = [Units[random.Next(Units.Length)], Units[random.Next(Units.Length)]],
                Body = Body(random, 300),
                RegisteredAt = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero),
            };
        }
    }

    private string Body(Random random, int words)
    {
        var text = new StringBuilder();
        var written = 0;
        while (written < words)
        {
            var sentence = _sentences[random.Next(_sentences.Length)];
            text.AppendJoin(' ', sentence).Append(' ');
            written += sentence.Length;
        }
        return text.ToString();
    }

    /// <summary>Queries of <paramref name="words"/> consecutive words from real sentences, as people type them (lower case).</summary>
    public IReadOnlyList<string> Queries(int words, int count, int seed)
    {
        var random = new Random(seed);
        var queries = new List<string>(count);
        while (queries.Count < count)
        {
            var sentence = _sentences[random.Next(_sentences.Length)]
                .Select(w => Word().Match(w).Value.ToLowerInvariant()).Where(w => w.Length > 0).ToArray();
            if (sentence.Length < words) continue;
            var start = random.Next(sentence.Length - words + 1);
            queries.Add(string.Join(' ', sentence.Skip(start).Take(words)));
        }
        return queries;
    }

    [GeneratedRegex(@"(?<=[.!?;:])\s+|\n+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+")]
    private static partial Regex Word();
}
