using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NUnit.Framework;

namespace Coordination.Testing;

/// <summary>The built host (Coordination.Host.dll) as a process of its own, as an operator runs
/// it: the site on a loopback port, or a command (migrate, backup, restore) that exits.</summary>
public sealed class HostProcess
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private HostProcess(Process process) => _process = process;

    public static string HostDll => Path.Combine(AppContext.BaseDirectory, "Coordination.Host.dll");

    /// <summary>The configuration of <paramref name="database"/> as environment variables.</summary>
    public static Dictionary<string, string?> Settings(TestDatabase database) => new()
    {
        ["Coordination__DataDirectory"] = database.DataDirectory,
        ["Database__Provider"] = database.Provider.ToString(),
        ["ConnectionStrings__Coordination"] = database.ConnectionString ?? "",
        ["Coordination__Bootstrap__AdminEmail"] = CoordinationApp.AdminEmail,
        ["Coordination__Bootstrap__AdminPassword"] = CoordinationApp.AdminPassword,
        ["Coordination__PublicBaseUrl"] = CoordinationApp.PublicBaseUrl,
        // Outside Development the site answers only to its public host unless told otherwise.
        ["AllowedHosts"] = "127.0.0.1",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    /// <summary>Starts the site on <paramref name="port"/>; <paramref name="settings"/> add to
    /// or override <see cref="Settings"/>.</summary>
    public static HostProcess Start(TestDatabase database, int port, IDictionary<string, string?>? settings = null)
    {
        var start = Info(string.Empty, database.DataDirectory, Merge(Settings(database), settings));
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var host = new HostProcess(Process.Start(start)!);
        host._process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Runs a command of the host (e.g. "backup /tmp/x") to its end.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string arguments, TestDatabase database, IDictionary<string, string?>? settings = null)
    {
        using var process = Process.Start(Info(arguments, database.DataDirectory, Merge(Settings(database), settings)))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    public async Task WaitUntilReadyAsync(HttpClient client)
    {
        // Three minutes: on a loaded 2-core machine a cold start has taken more than one.
        var until = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < until)
        {
            Assert.That(_process.HasExited, Is.False, () => "The host stopped: " + Output());
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        Assert.Fail("The host did not start: " + Output());
    }

    /// <summary>SIGKILL: no shutdown, no flushing, as in a crash.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }

    /// <summary>The last lines the process wrote.</summary>
    public string Output()
    {
        lock (_output)
        {
            return string.Join("\n", _output.TakeLast(40));
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ProcessStartInfo Info(string arguments, string workingDirectory, Dictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{HostDll}\" {arguments}".TrimEnd())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private static Dictionary<string, string?> Merge(Dictionary<string, string?> settings, IDictionary<string, string?>? more)
    {
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }
    }
}
