namespace Platform.Documents.Registers;

/// <summary>A register (sổ đăng ký) for a period: the columns Nghị định 30/2020/NĐ-CP lists, one row per document.</summary>
public sealed record Register(string Title, DateOnly From, DateOnly To, IReadOnlyList<string> Columns, IReadOnlyList<string?[]> Rows);
