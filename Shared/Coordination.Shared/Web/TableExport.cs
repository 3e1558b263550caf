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
        var options = new CsvWriterOptions { Separator = ';', Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
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
        var sheets = new Dictionary<string, object> { [Sheet] = SheetRows() };
        foreach (var table in more)
        {
            sheets[table.Sheet] = table.SheetRows();
        }

        using var buffer = new MemoryStream();
        buffer.SaveAs(sheets, printHeader: false);
        return TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName + ".xlsx");
    }

    /// <summary>The heading is written as the first row, under column keys of our own: so a table
    /// without rows still has its heading, and two columns may carry the same heading.</summary>
    private List<Dictionary<string, object?>> SheetRows()
    {
        var keys = Enumerable.Range(0, Columns.Count).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var heading = new Dictionary<string, object?>();
        for (var i = 0; i < Columns.Count; i++)
        {
            heading[keys[i]] = Columns[i];
        }

        var rows = new List<Dictionary<string, object?>> { heading };
        foreach (var row in Rows)
        {
            var record = new Dictionary<string, object?>();
            for (var i = 0; i < Columns.Count; i++)
            {
                record[keys[i]] = i < row.Count ? row[i] switch { DateOnly d => d.ToDateTime(TimeOnly.MinValue), var v => v } : null;
            }

            rows.Add(record);
        }

        return rows;
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("d.M.yyyy", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.GetCultureInfo("fi")),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
