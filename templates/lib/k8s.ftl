<#-- Reusable fragments for Kubernetes YAML. Layout only: every decision is made in the plan. -->
<#-- A YAML double-quoted scalar. Values are already restricted to safe characters; escape anyway. -->
<#function q value>
  <#return '"' + value?replace('\\', '\\\\')?replace('"', '\\"') + '"'>
</#function>

<#-- A script shipped with the tool, as a block scalar indented by `indent` spaces. -->
<#macro script file indent>
<#assign text><#include "/scripts/" + file parse=false></#assign>
${text?trim?replace("(?m)^(?=.)", ""?left_pad(indent), "r")}
</#macro>

<#-- One container of a pod template, as a list item under containers/initContainers (8 spaces). -->
<#macro container c>
        - name: ${c.name}
          image: ${c.image}
<#if c.script.present>
<#assign s = c.script.get()>
          command:
            - /bin/sh
            - -c
            - |
<@script s.file 14/>
            - ${c.name}
<#list s.arguments as argument>
            - ${q(argument)}
</#list>
<#else>
          args:
<#list c.args as argument>
            - ${q(argument)}
</#list>
</#if>
<#if c.restartPolicy.present>
          restartPolicy: ${c.restartPolicy.get()}
</#if>
<#if c.envFrom?has_content>
          envFrom:
<#list c.envFrom as source>
            - ${source.kind}:
                name: ${source.name}
</#list>
</#if>
<#if c.ports?has_content>
          ports:
<#list c.ports as port>
            - name: ${port.name}
              containerPort: ${port.port?c}
              protocol: TCP
</#list>
</#if>
<#if c.env?has_content>
          env:
<#list c.env as variable>
            - name: ${variable.name}
              value: ${q(variable.value)}
</#list>
</#if>
<#assign r = c.resources>
          resources:
            requests:
              cpu: ${q(r.requestsCpu)}
              memory: ${q(r.requestsMemory)}
            limits:
              cpu: ${q(r.limitsCpu)}
              memory: ${q(r.limitsMemory)}
<#assign sc = c.securityContext>
          securityContext:
            runAsUser: ${sc.runAsUser?c}
            runAsGroup: ${sc.runAsGroup?c}
            runAsNonRoot: ${sc.runAsNonRoot?c}
            allowPrivilegeEscalation: ${sc.allowPrivilegeEscalation()?c}
            readOnlyRootFilesystem: ${sc.readOnlyRootFilesystem()?c}
            capabilities:
              drop:
<#list sc.dropCapabilities() as capability>
                - ${capability}
</#list>
<#if sc.addCapabilities?has_content>
              add:
<#list sc.addCapabilities as capability>
                - ${capability}
</#list>
</#if>
            seccompProfile:
              type: ${sc.seccompProfile()}
<#if c.mounts?has_content>
          volumeMounts:
<#list c.mounts as mount>
            - name: ${mount.volume}
              mountPath: ${q(mount.path)}
<#if mount.readOnly>
              readOnly: true
</#if>
</#list>
</#if>
</#macro>

<#-- One pod volume, as a list item under volumes (8 spaces). -->
<#macro volume v>
        - name: ${v.name}
<#if v.configMap.present>
          configMap:
            name: ${v.configMap.get()}
<#else>
          emptyDir: {}
</#if>
</#macro>
