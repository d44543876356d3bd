# Joins files byte for byte: cmake -DOUTPUT=F -DPARTS="a;b;c" -P JoinFiles.cmake
# (the language models are kept in parts; see models/README.md).
get_filename_component(dir "${OUTPUT}" DIRECTORY)
file(MAKE_DIRECTORY "${dir}")
execute_process(COMMAND "${CMAKE_COMMAND}" -E cat ${PARTS}
                OUTPUT_FILE "${OUTPUT}.tmp" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "joining ${PARTS} failed: ${rc}")
endif()
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
