/** Every node panel gets only the node id and reads its own typed config via useNodeConfig. */
export interface PanelProps {
  nodeId: string;
}
