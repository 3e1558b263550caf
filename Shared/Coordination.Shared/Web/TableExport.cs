using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Http;
using MiniExcelLibs;

namespace Coordination.Shared.Web;

/// <summary>A table for download as CSV the way Finnish Excel opens it (UTF-8 with BOM, ";"
/// separated) or as XLSX. Values are strings, numbers or dates; the first row is the header.</summary>
public sealed record ExportTable(IReadOnlyList<string> Columns, IEnumerable<IReadOnlyList<object?>> Rows)
{
    /// <summary>The worksheet's name in a workbook.</summary>
    public string Sheet { get; init; } = "Sheet1";

    public IResult ToCsv(string fileName)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, CsvOptions(), leaveOpen: true))
        {
            csv.WriteRecord([.. Columns]);
            foreach (var row in Rows)
            {
                csv.WriteRecord([.. row.Select(Format)]);
            }
        }

        return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", fileName + ".csv");
    }

    /// <summary>The table as a workbook; <paramref name="more"/> adds sheets after the first
    /// (e.g. the keys behind the headings, for those who script).</summary>
    public IResult ToXlsx(string fileName, params ExportTable[] more)
    {
        var sheets = new Dictionary<string, object> { [Sheet] = SheetRows(Columns, Rows).ToList() };
        foreach (var table in more)
        {
            sheets[table.Sheet] = SheetRows(table.Columns, table.Rows).ToList();
        }

        using var buffer = new MemoryStream();
        buffer.SaveAs(sheets, printHeader: false);
        return TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName + ".xlsx");
    }

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
