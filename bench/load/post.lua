-- wrk script: POSTs the GraphQL request body in the file named by BODY_FILE. It counts answers by
-- kind (200 with data, 503 overload refusals, other non-200, GraphQL errors) and prints one line.
dofile("bench/load/request.lua")
dofile("bench/load/counts.lua")
