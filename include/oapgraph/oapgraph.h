/* oapgraph.h: the library that reads EU Operational Action Plans as a graph. */
#ifndef OAPGRAPH_OAPGRAPH_H
#define OAPGRAPH_OAPGRAPH_H

#include "oapgraph/common.h"
#include "oapgraph/diag.h"
#include "oapgraph/plan.h"
#include "oapgraph/check.h"
#include "oapgraph/rules.h"
#include "oapgraph/report.h"
#include "oapgraph/policy.h"
#include "oapgraph/import.h"
#include "oapgraph/refs.h"
#include "oapgraph/graph.h"
#include "oapgraph/views.h"
#include "oapgraph/emit.h"

#endif
