#include "nlp/model_format.h"

#include <bit>

namespace newsx::extract::nlp {

static_assert(std::endian::native == std::endian::little,
              "model files are little-endian and read in place");

void WriteModelHeader(ModelKind kind, ModelWriter* w) {
  w->bytes().append(kModelMagic, sizeof kModelMagic);
  w->U32(kModelVersion);
  w->U32(static_cast<std::uint32_t>(kind));
}

Status ReadModelHeader(ModelKind kind, ModelReader* r) {
  std::uint64_t magic = 0;
  std::uint32_t version = 0, file_kind = 0;
  if (!r->U64(&magic) || std::memcmp(&magic, kModelMagic, sizeof magic) != 0) {
    return Status(StatusCode::kInvalidArgument, "not a newsx language model file");
  }
  if (!r->U32(&version) || version != kModelVersion) {
    return Status(StatusCode::kInvalidArgument,
                  "model file version " + std::to_string(version) + ", expected " +
                      std::to_string(kModelVersion));
  }
  if (!r->U32(&file_kind) || file_kind != static_cast<std::uint32_t>(kind)) {
    return Status(StatusCode::kInvalidArgument,
                  kind == ModelKind::kTagger ? "not a tagger model (en-pos)"
                                             : "not a parser model (en-dep)");
  }
  return Status::Ok();
}

}  // namespace newsx::extract::nlp
