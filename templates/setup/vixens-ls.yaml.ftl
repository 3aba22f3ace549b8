<#import "/lib/k8s.ftl" as k>
# vixens-ls repository configuration, written by `vixens-ls setup`; yours from now on.
# Its directory is the repository root: vixens-ls reads and writes only below it.

# The vixens-ls versions this repository accepts: every command refuses any other, so that two machines never
# disagree about what is current. Change it when the repository moves to a new version (then generate --all).
requires: ${k.q(setup.requires)}
# Searched (5 levels deep) for <app>/vixens-backup.yaml.
apps:
<#list setup.appDirs as dir>
  - ${k.scalar(dir)}
</#list>
# Where the shared building blocks are written.
shared: ${k.scalar(setup.shared)}
# Your own profiles (<name>.yaml), added to the built-in ones.
profiles: profiles
