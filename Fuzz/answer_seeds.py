#!/usr/bin/env python3
"""Writes the seed corpus of the answers fuzz target (ScanplanAnswerFuzz) into a folder.

An input is a restore byte, then answers split by b"\\n#\\n"; each answer is a status
byte (an index into FuzzAnswers.statuses), a flags byte, a header text up to a NUL, and
the body. The seeds are the shapes the seeds, the vendors' references and broken
servers give, so that the fuzzer starts from answers the readers understand.
"""
import os
import sys

STATUS = {200: 0, 201: 1, 204: 3, 307: 5, 400: 6, 401: 7, 403: 8, 404: 9, 409: 10, 429: 12, 503: 15}
JSON, LOCATION, RETRY = 0x01, 0x04, 0x10
FAIL = 0x80
TARGET = "2df49409-ee21-4080-9640-eb46f4610054"
PROFILE = "11111111-1111-1111-1111-111111111112"


def answer(status, body="", flags=JSON, header=""):
    return bytes([STATUS[status], flags]) + header.encode() + b"\0" + body.encode()


def failure(kind=1):
    return bytes([kind, FAIL])


def invicti_scan(scan_id, status, extra=""):
    return ('{"scan_id":"%s","target_id":"%s","profile_id":"%s","current_session":{"status":"%s","progress":50%s}}'
            % (scan_id, TARGET, PROFILE, status, extra))


SEEDS = {
    "s4e-seed": [answer(201, '{"scan_id":"s-1","status":"queued"}'),
                 answer(200, '{"status":"running"}'), answer(200, '{"status":"completed"}')],
    "s4e-reference": [answer(201, '{"data":{"scan_id":"sc-44021","status":"queued"}}'),
                      answer(200, '{"data":{"scan_id":"sc-44021","status":"running","progress":40}}'),
                      answer(404, '{"status":"error","error":{"code":"not_found","message":"Asset not found"}}'),
                      answer(429, '{"status":"error","error":{"code":"rate_limited","retry_after":3}}')],
    "invicti-seed": [answer(201, '{"scan_id":"i-1"}', JSON | LOCATION, "/api/v1/scans/i-1"),
                     answer(200, '{"scans":[%s]}' % invicti_scan("i-1", "processing")),
                     answer(200, '{"scans":[%s]}' % invicti_scan(
                         "i-1", "completed", ',"severity_counts":{"critical":2,"high":5},"scan_session_id":"s"'))],
    "invicti-reference": [answer(201, "", LOCATION, "https://h:3443/api/v1/scans/i-2"),
                          answer(200, invicti_scan("i-2", "pausing")),
                          answer(200, invicti_scan("i-2", "paused")),
                          answer(200, invicti_scan("i-2", "aborted")),
                          answer(400, '{"code":400,"reason":"Invalid","details":["target_id"]}')],
    "lost-trigger": [failure(), failure(0),
                     answer(200, '{"scans":[%s],"pagination":{"next_cursor":"1"}}' % invicti_scan("i-9", "queued")),
                     answer(200, '{"scans":[],"pagination":{"cursors":["0","5"]}}')],
    "conflicts": [answer(409, '{"scan_id":"run-1"}'),
                  answer(409, '{"status":"error","error":{"code":"busy","scan_id":"run-2"}}'),
                  answer(409, '{"message":"busy"}'), answer(200, '{"status":"completed"}')],
    "throttles": [answer(429, '{"retryAfter":2}', JSON | RETRY, "7"),
                  answer(429, "", RETRY, "Fri, 15 Jan 2027 08:00:42 GMT"), answer(503, '{"message":"maintenance"}'),
                  answer(401, '{"status":"error","error":{"message":"token expired"}}')],
    "findings": [answer(200, '{"findings":[{"id":"f-1","title":"SQL injection","severity":"critical",'
                              '"status":"open","url":"https://A.example:443/x?b=1&a=2#f","parameter":"q"}]}'),
                 answer(200, '{"data":[{"title":"XSS","severity":"HIGH","status":"false_positive"}],'
                              '"meta":{"page":1,"total_pages":3}}'),
                 answer(200, '{"results":[{"result_id":"r-1","status":"completed"}]}'),
                 answer(200, '{"vulnerabilities":[{"vuln_id":"v1","vt_id":"c0a8","vt_name":"XSS","severity":3,'
                              '"confidence":95,"status":"open","affects_url":"http://h/a","affects_detail":"q"}],'
                              '"pagination":{"next_cursor":"100"}}'),
                 answer(200, '{"vulnerabilities":[{"vt_id":1,"severity":"9"}]}'),
                 answer(200, '{"findings":"none"}')],
    "odd": [answer(201, '{"scan_id":true}'), answer(201, "", LOCATION, "?"),
            answer(200, '{"status":3}'), answer(200, "<html>", 0x02),
            answer(200, '{"status":"\\u001b[2Jrunning"}'), answer(307, "", LOCATION, "https://elsewhere/")],
}


def main():
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    for index, (name, answers) in enumerate(sorted(SEEDS.items())):
        with open(os.path.join(folder, name), "wb") as out:
            out.write(bytes([index % 8]) + b"\n#\n".join(answers))


if __name__ == "__main__":
    main()
