using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Http;

namespace Coordination.Shared.Web;

/// <summary>A table for download as CSV the way Finnish Excel opens it (UTF-8 with BOM, ";"
/// separated) or as XLSX. Values are strings, numbers or dates; the first row is the header.</summary>
public sealed record ExportTable(IReadOnlyList<string> Columns, IEnumerable<IReadOnlyList<object?>> Rows)
{
    /// <summary>The worksheet's name in a workbook.</summary>
    public string Sheet { get; init; } = "Sheet1";

    // One writer per format: a table in hand goes out the way a streamed one does.
    public IResult ToCsv(string fileName) => Streamed().ToCsv(fileName);

    /// <summary>The table as a workbook; <paramref name="more"/> adds sheets after the first
    /// (e.g. the keys behind the headings, for those who script).</summary>
    public IResult ToXlsx(string fileName, params ExportTable[] more) => Streamed().ToXlsx(fileName, more);

    private StreamedExportTable Streamed() => new(Columns, Rows.ToAsyncEnumerable()) { Sheet = Sheet };

    /// <summary>The CSV the way Finnish Excel opens it.</summary>
    internal static CsvWriterOptions CsvOptions() => new() { Separator = ';', Injection = CsvInjection.Escape, WriteByteOrderMark = true };

    /// <summary>A worksheet's rows as they are enumerated. The heading is written as the first row,
    /// under column keys of our own: so a table without rows still has its heading, and two
    /// columns may carry the same heading.</summary>
    internal static IEnumerable<Dictionary<string, object?>> SheetRows(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var keys = Enumerable.Range(0, columns.Count).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var heading = new Dictionary<string, object?>();
        for (var i = 0; i < columns.Count; i++)
        {
            heading[keys[i]] = columns[i];
        }

        yield return heading;
        foreach (var row in rows)
        {
            var record = new Dictionary<string, object?>();
            for (var i = 0; i < columns.Count; i++)
            {
                record[keys[i]] = i < row.Count ? row[i] switch { DateOnly d => d.ToDateTime(TimeOnly.MinValue), var v => v } : null;
            }

            yield return record;
        }
    }

    internal static string Format(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("d.M.yyyy", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.GetCultureInfo("fi")),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
