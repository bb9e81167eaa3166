using Graph.Api.Endpoint;
using Graph.Api.Explorer;
using Graph.Api.Ide;
using Graph.Api.Import;
using Graph.Api.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddGraphStorage(builder.Configuration)
    .AddGraphImport(builder.Configuration)
    .AddGraphQLEndpoint(builder.Configuration)
    .AddGraphHosting(builder.Configuration)
    .AddGraphResponseCompression(builder.Configuration)
    .AddBananaCakePop(builder.Configuration);

var app = builder.Build();

app.UseRequestIds();
app.UseGraphResponseCompression();
app.UseBananaCakePop();
app.UseExplorer();
app.UseCors();
app.MapHealthEndpoints();
app.MapGraphQLEndpoint();

app.Run();
