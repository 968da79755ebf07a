#ifndef SCANPLAN_CLIBYAML_SHIM_H
#define SCANPLAN_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
