// A small Book built in code exercising every block and inline kind the PDF backend sets (golden test, tools/pdf_demo).
#pragma once

#include "model/Book.h"

namespace sample {

model::Book sampleBook();

}  // namespace sample
