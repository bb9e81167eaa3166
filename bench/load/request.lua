-- Shared by the wrk scripts: POST the GraphQL request body in the file named by BODY_FILE as JSON.
-- Loaded with dofile from the repository root, where run-load.sh runs wrk.
local file = assert(io.open(os.getenv("BODY_FILE"), "r"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json"
