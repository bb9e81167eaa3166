using Graph.Api.Endpoint;
using Graph.Api.Import;
using Graph.Api.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddGraphStorage(builder.Configuration)
    .AddGraphImport(builder.Configuration)
    .AddGraphQLEndpoint(builder.Configuration)
    .AddGraphHosting(builder.Configuration);

var app = builder.Build();

app.UseRequestIds();
app.UseCors();
app.MapGet("/", () => Results.Redirect("/graphql"));
app.MapHealthEndpoints();
app.MapGraphQLEndpoint();

app.Run();
