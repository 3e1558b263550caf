using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using NUnit.Framework;

namespace Coordination.Testing;

/// <summary>The built host (Coordination.Host.dll next to the test assembly) as a process of its
/// own, as an operator runs it: the site on a loopback port, or a command (migrate, backup,
/// restore) that exits. The site's output is kept for assertions and failure messages.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private bool _killed;
    private bool _disposed;

    private HostProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public static string HostDll => Path.Combine(AppContext.BaseDirectory, "Coordination.Host.dll");

    public int Port { get; }

    /// <summary>A client of this instance (a bearer token once <see cref="SignInAsync"/> ran).</summary>
    public HttpClient Client { get; }

    public bool HasExited => _killed || _process.HasExited;

    public int ExitCode => _process.ExitCode;

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
        var host = new HostProcess(Process.Start(start)!, port);
        host._process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Starts the site with Hangfire on, public links and a sender address set, and the
    /// sign-in rate limit out of the way; <paramref name="smtp"/> null writes mail to the pickup
    /// folder. <paramref name="settings"/> (<c>Section__Key</c>) go over these.</summary>
    public static HostProcess Start(TestDatabase database, SmtpServer? smtp, int? port = null, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Coordination__Jobs__Enabled"] = "true",
            ["Coordination__Email__FromAddress"] = "uutiskirje@example.fi",
            ["Coordination__PublicBaseUrl"] = "https://koordinaatio.example.fi",
            ["Coordination__RateLimits__SignInPerMinute"] = "10000",
        };
        if (smtp is not null)
        {
            values["Coordination__Email__SmtpHost"] = "127.0.0.1";
            values["Coordination__Email__SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
            values["Coordination__Email__SmtpSecurity"] = "None";
        }

        return Start(database, port ?? FreePort(), Merge(values, settings));
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

    /// <summary>Waits until /health/ready answers success (migrations applied, databases
    /// reachable), through <paramref name="client"/> or <see cref="Client"/>; generously, since a
    /// cold start on a loaded two-core machine has taken more than a minute.</summary>
    public async Task WaitUntilReadyAsync(HttpClient? client = null)
    {
        client ??= Client;
        var until = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < until)
        {
            Assert.That(HasExited, Is.False, () => "The host stopped: " + Tail());
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

        Assert.Fail("The host did not start: " + Tail());
    }

    /// <summary>Signs <see cref="Client"/> in with a bearer token.</summary>
    public async Task SignInAsync(string email, string password)
    {
        var token = await Client.PostAsJsonAsync("/api/v1/auth/tokens", new { email, password });
        token.EnsureSuccessStatusCode();
        Client.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>());
    }

    /// <summary>Waits for the process to end by itself (it refused to start, say).</summary>
    public Task<bool> WaitForExitAsync(TimeSpan timeout)
        => _process.WaitForExitAsync(new CancellationTokenSource(timeout).Token).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);

    /// <summary>The lines written so far (stdout and stderr).</summary>
    public IReadOnlyList<string> Output()
    {
        lock (_output)
        {
            return [.. _output];
        }
    }

    /// <summary>The last lines the process wrote.</summary>
    public string Tail(int lines = 40) => string.Join("\n", Output().TakeLast(lines));

    /// <summary>SIGKILL: no shutdown, no flushing, as in a crash. The output stays readable.</summary>
    public void Kill()
    {
        if (_killed)
        {
            return;
        }

        _killed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
        _process.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return ValueTask.CompletedTask;
        }

        _disposed = true;
        Kill();
        Client.Dispose();
        return ValueTask.CompletedTask;
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
