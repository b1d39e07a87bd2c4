/**
 * The invented demo organizations: the loaders' contract ({@link
 * io.carebook.tenancy.demo.DemoDataLoader}), the fixed ids every module's part uses ({@link
 * io.carebook.tenancy.demo.DemoOrganization}), the switch that creates them ({@link
 * io.carebook.tenancy.demo.ConditionalOnDemo}) and the runner. Each module keeps its part in its
 * own {@code demo} sub-package, next to the internals it fills; this named interface is all that
 * they share, and no production code depends on it.
 */
@NamedInterface("demo")
@NullMarked
package io.carebook.tenancy.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
