#include "http/curl_status.h"

#include <string>

namespace newsx::ingest::internal {

Status CurlStatus(CURLcode code, const char* detail) {
  std::string message = curl_easy_strerror(code);
  if (detail != nullptr && *detail != '\0') message += std::string(": ") + detail;
  switch (code) {
    case CURLE_OK:
      return Status::Ok();
    case CURLE_OPERATION_TIMEDOUT:
      return DeadlineExceededError(message);
    case CURLE_FILESIZE_EXCEEDED:
      return ResourceExhaustedError(message);
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
      return InvalidArgumentError(message);
    case CURLE_OUT_OF_MEMORY:
      return ResourceExhaustedError(message);
    default:
      return UnavailableError(message);
  }
}

bool IsRetryableCurlError(CURLcode code) {
  return code == CURLE_COULDNT_CONNECT || code == CURLE_GOT_NOTHING ||
         code == CURLE_RECV_ERROR || code == CURLE_SEND_ERROR || code == CURLE_PARTIAL_FILE;
}

}  // namespace newsx::ingest::internal
