#:sdk Microsoft.NET.Sdk.Web
#:property PublishAot=false
// The ceiling for build/load-method-bank.sh: bare Kestrel answering every GET with the bytes of a
// file (a page the application served), no middleware, no database.
// usage: dotnet run -c Release build/bare/bare-kestrel.cs -- <file> <content-type>   (ASPNETCORE_URLS sets the address)
var bytes = File.ReadAllBytes(args[0]);
var contentType = args[1];
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapGet("/{**path}", () => Results.Bytes(bytes, contentType));
app.Run();
